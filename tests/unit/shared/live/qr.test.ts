import { create } from 'qrcode/lib/core/qrcode.js';
import { describe, expect, it } from 'vitest';
import { joinLink, joinQrSvg, type SessionSecret } from '../../../../shared/live';

const link = joinLink({
  secret: 'ABCDEFGHJKMNPQRSTVWX' as SessionSecret,
  signal: { host: '192.168.1.20', port: 49152 },
});

/** Redraws the dark modules from the SVG path ("M x y" starts a row run, "m dx 0" skips, "h n" draws). */
function modulesFromSvg(svg: string, margin: number): { size: number; dark: Set<string> } {
  const viewBox = /viewBox="0 0 (\d+) \1"/.exec(svg);
  const path = /<path stroke="#000000" d="([^"]*)"/.exec(svg);
  if (!viewBox?.[1] || path?.[1] === undefined) throw new Error('unexpected SVG shape');
  const dark = new Set<string>();
  let x = 0;
  let y = 0;
  for (const [, cmd, a, b] of path[1].matchAll(/([MmHh])(\d+(?:\.\d+)?)(?: (\d+(?:\.\d+)?))?/g)) {
    const n = Number(a);
    if (cmd === 'M') [x, y] = [n, Number(b) - 0.5];
    else if (cmd === 'm') x += n;
    else {
      for (let i = 0; i < n; i++) dark.add(`${x - margin + i},${y - margin}`);
      x += n;
    }
  }
  return { size: Number(viewBox[1]) - 2 * margin, dark };
}

describe('joinQrSvg', () => {
  it('draws a square black-on-white SVG with a quiet zone', () => {
    const svg = joinQrSvg(link);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('shape-rendering="crispEdges"');
    expect(svg).toContain('<path fill="#ffffff"');
    expect(svg).not.toMatch(/<script|on\w+=|href/i);
  });

  it('draws exactly the modules of the QR code for the link (error correction M)', () => {
    const expected = create(link, { errorCorrectionLevel: 'M' });
    const { size, dark } = modulesFromSvg(joinQrSvg(link), 4);
    expect(size).toBe(expected.modules.size);
    const want = new Set<string>();
    expected.modules.data.forEach((bit, i) => {
      if (bit) want.add(`${i % size},${Math.floor(i / size)}`);
    });
    expect(dark).toEqual(want);
    // Finder pattern corner: the top-left 7×7 ring is dark.
    for (let i = 0; i < 7; i++) expect(dark.has(`${i},0`) && dark.has(`0,${i}`)).toBe(true);
  });

  it('gives the same SVG for the same link, and a different one for another link', () => {
    const other = joinLink({ secret: 'ABCDEFGHJKMNPQRSTVWY' as SessionSecret, signal: null });
    expect(joinQrSvg(link)).toBe(joinQrSvg(link));
    expect(joinQrSvg(other)).not.toBe(joinQrSvg(link));
  });

  it.each(['https://example.org', 'dreamboard://join/NOPE', `${link}?x=1`])('refuses %s', (url) => {
    expect(() => joinQrSvg(url)).toThrow(TypeError);
  });
});
