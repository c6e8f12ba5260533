import { Resvg } from '@resvg/resvg-js';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { createCard, createConnector } from '../../../../shared/doc';
import { boardSvg, measureText, wrapText } from '../../../../shared/export';
import { CARD_KIND_INFO, type CardId } from '../../../../shared/model';
import { richWorkshop, snapshotOf } from '../plan/fixtures';

/** resvg parses the SVG with a strict XML parser: it throws on anything malformed. */
const parses = (svg: string) => new Resvg(svg, { font: { loadSystemFonts: false } }).width > 0;

describe('boardSvg', () => {
  const { snapshot, cards } = richWorkshop();
  const whole = boardSvg(snapshot);

  it('draws every frame title, card kind name and card text as real text', () => {
    expect(parses(whole.svg)).toBe(true);
    for (const title of ['Today: what happens now', 'The dream', 'Partners', 'Parking lot'])
      expect(whole.svg).toContain(title);
    expect(whole.svg).toContain('>Gwasanaeth cymorth<');
    expect(whole.svg).toContain('>ŵyr<');
    expect(whole.svg).toContain('>Next step<');
    expect(whole.cardCount).toBe(snapshot.cards.size);
  });

  it('colours cards by kind and gives each its icon, so meaning never rests on colour alone', () => {
    for (const kind of ['need', 'service', 'outcome', 'barrier'] as const) {
      expect(whole.svg).toContain(`fill="${CARD_KIND_INFO[kind].fill}"`);
      expect(whole.svg).toContain(`d="${CARD_KIND_INFO[kind].icon}"`);
    }
  });

  it('draws connectors with an arrowhead, the dash of their kind and their label', () => {
    expect(whole.svg).toContain('stroke-dasharray="12 4 2 4"'); // mitigates
    expect(whole.svg).toContain('stroke-dasharray="8 4"'); // depends on
    expect(whole.svg).toContain('Welsh-speaking staff');
    expect(whole.svg).toContain('>funds<');
    expect(whole.svg.match(/<path d="M[^"]*Z" fill="#3D4652"\/>/g)).toHaveLength(snapshot.connectors.size);
  });

  it('withholds words without consent, unless asked to show them on the facilitator’s screen', () => {
    expect(whole.svg).not.toContain('SECRET-WORDS');
    expect(whole.svg).not.toContain('PRIVATE-NEED');
    expect(whole.svg).toContain('Words withheld');
    expect(boardSvg(snapshot, { showWithheldWords: true }).svg).toContain('SECRET-WORDS');
  });

  it('shows only a frame and its cards when exporting a frame', () => {
    const dream = boardSvg(snapshot, { region: { kind: 'frame', frameId: 'frameDream' } });
    expect(dream.svg).toContain('Young people feel safe');
    expect(dream.svg).not.toContain('Clwb Ieuenctid');
    expect(dream.svg).not.toContain('Today: what happens now');
    expect(dream.cardCount).toBe(7);
  });

  it('shows a selection of cards and only the connectors between them', () => {
    const picked = boardSvg(snapshot, {
      region: { kind: 'selection', ids: [cards['welshService']!, cards['outcomeSafe']!] },
    });
    expect(picked.cardCount).toBe(2);
    expect(picked.svg.match(/<line /g)).toHaveLength(1);
    expect(picked.svg).not.toContain('>funds<');
  });

  it('sizes the picture by the chosen scale over the same world box', () => {
    const half = boardSvg(snapshot, { scale: 0.5 });
    expect(half.viewBox).toEqual(whole.viewBox);
    expect(half.width).toBe(Math.ceil(whole.viewBox.w * 0.5));
    expect(half.height).toBe(Math.ceil(whole.viewBox.h * 0.5));
  });

  it('escapes markup and drops characters XML forbids in card text', () => {
    const doc = new Y.Doc();
    const a = createCard(
      doc,
      { kind: 'note', x: 0, y: 0, text: '<script>alert("x")</script> & \u0001\u0008 \ud800 ok' },
      { participantId: 'p', role: null },
    );
    const b = createCard(doc, { kind: 'note', x: 400, y: 0, text: 'b' }, { participantId: 'p', role: null });
    createConnector(doc, { from: a, to: b, kind: 'refers-to', label: '"></text><evil/>' });
    const { svg } = boardSvg(snapshotOf(doc));
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('<evil/>');
    expect(svg).toContain('&lt;script&gt;');
    expect(parses(svg)).toBe(true);
  });

  it('draws an empty board as a blank page rather than failing', () => {
    const empty = boardSvg(snapshotOf(new Y.Doc()));
    expect(empty.cardCount).toBe(0);
    expect(parses(empty.svg)).toBe(true);
  });

  it('leaves out the words of a connector too short to hold them, keeping its line and dash', () => {
    const doc = new Y.Doc();
    const a = createCard(
      doc,
      { kind: 'service', x: 0, y: 0, id: 'a' as CardId },
      { participantId: 'p', role: null },
    );
    const b = createCard(
      doc,
      { kind: 'outcome', x: 230, y: 0, id: 'b' as CardId },
      { participantId: 'p', role: null },
    );
    createConnector(doc, { from: a, to: b, kind: 'depends-on' });
    const { svg } = boardSvg(snapshotOf(doc));
    expect(svg).toContain('stroke-dasharray="8 4"');
    expect(svg).not.toContain('depends on');
  });

  it('skips a connector between overlapping cards instead of drawing a zero-length arrow', () => {
    const doc = new Y.Doc();
    const a = createCard(
      doc,
      { kind: 'note', x: 0, y: 0, id: 'a' as CardId },
      { participantId: 'p', role: null },
    );
    const b = createCard(
      doc,
      { kind: 'note', x: 0, y: 0, id: 'b' as CardId },
      { participantId: 'p', role: null },
    );
    createConnector(doc, { from: a, to: b, kind: 'blocks' });
    expect(boardSvg(snapshotOf(doc)).svg).not.toContain('<line');
  });
});

describe('wrapText', () => {
  it('breaks at spaces so that every line fits the width', () => {
    const lines = wrapText('Somewhere safe to stay the same night, close to school and friends', 15, 180, 10);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(measureText(line, 15)).toBeLessThanOrEqual(180);
    expect(lines.join(' ')).toBe('Somewhere safe to stay the same night, close to school and friends');
  });

  it('keeps the writer’s line breaks and splits a word too long for a line', () => {
    expect(wrapText('one\ntwo', 15, 180, 5)).toEqual(['one', 'two']);
    const long = wrapText('x'.repeat(100), 15, 100, 20);
    expect(long.join('')).toBe('x'.repeat(100));
    for (const line of long) expect(measureText(line, 15)).toBeLessThanOrEqual(100);
  });

  it('ends the last line with an ellipsis when the text does not fit', () => {
    const lines = wrapText('a b c d e f g h i j k l m n o p q r s t u v w x y z '.repeat(10), 15, 60, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]!.endsWith('…')).toBe(true);
    expect(measureText(lines[1]!, 15)).toBeLessThanOrEqual(60);
  });
});
