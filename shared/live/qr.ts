// qrcode ships no types: ./qrcode-modules.d.ts declares the two modules used here. Every tsconfig
// that compiles shared/ includes its .d.ts files.
import { create } from 'qrcode/lib/core/qrcode.js';
import { render } from 'qrcode/lib/renderer/svg-tag.js';
import { JOIN_LINK_PREFIX, parseJoinLink } from './join-link';
import { isJoinCodeError } from './join-code';

/**
 * The join link as an SVG QR code. This is what qrcode's own `toString(text, { type: 'svg' })`
 * does in its browser build (create, then the svg-tag renderer), called directly: those two
 * modules use only Uint8Array and TextEncoder (no DOM, no Buffer), and this way it is synchronous.
 *
 * Error correction M (15 %) survives a projector's glare and a phone held at an angle while
 * keeping the code small; the 4-module quiet zone is what scanners expect. Black on white, so it
 * scans whatever theme is around it.
 *
 * Throws on anything but a valid join link: it only ever draws links this app made.
 */
export function joinQrSvg(link: string): string {
  if (!link.startsWith(JOIN_LINK_PREFIX) || isJoinCodeError(parseJoinLink(link))) {
    throw new TypeError('joinQrSvg: not a Dreamboard join link.');
  }
  return render(create(link, { errorCorrectionLevel: 'M' }), {
    margin: 4,
    color: { dark: '#000000ff', light: '#ffffffff' },
  });
}
