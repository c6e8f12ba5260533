import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  exportJsonCanvas,
  importJsonCanvas,
  MAX_JSON_DEPTH,
  serialiseJsonCanvas,
} from '../../../../shared/export';
import { richWorkshop } from '../plan/fixtures';

const node = (extra: Record<string, unknown> = {}) => ({
  id: 'n1',
  type: 'text',
  x: 0,
  y: 0,
  width: 100,
  height: 80,
  text: 'hi',
  ...extra,
});
const file = (nodes: unknown[], edges: unknown[] = []) => JSON.stringify({ nodes, edges });

function problemOf(text: string): string {
  const result = importJsonCanvas(text);
  if (result.ok) throw new Error('expected the import to be refused');
  return result.problem;
}

const prototypeSnapshot = () => Object.getOwnPropertyNames(Object.prototype).sort().join(',');

describe('JSON Canvas import refuses hostile files whole, with a reason', () => {
  it.each([
    ['not JSON', '{"nodes": [', /not valid JSON/],
    ['a JSON array', '[]', /not valid JSON Canvas/],
    [
      'an unknown node type',
      file([node({ type: 'spaceship' })]),
      /Node 1 \("n1"\) has a type Dreamboard does not know \("spaceship"\)/,
    ],
    [
      'a node without a type',
      file([{ id: 'x', x: 0, y: 0, width: 1, height: 1 }]),
      /Node 1 \("x"\) has a type Dreamboard does not know \(none\)/,
    ],
    [
      'a position of 1e999 (Infinity after parsing)',
      file([node()]).replace('"x":0', '"x":1e999'),
      /Node 1 \("n1"\).*x/,
    ],
    ['a NaN-like string for a number', file([node({ y: 'NaN' })]), /Node 1 \("n1"\).*y/],
    ['a coordinate far beyond any board', file([node({ x: 1e12 })]), /Node 1 \("n1"\).*x/],
    ['a zero-sized node', file([node({ width: 0 })]), /width/],
    ['card text over the limit', file([node({ text: 'x'.repeat(10_001) })]), /text/],
    ['two nodes with one id', file([node(), node({ x: 200 })]), /two nodes with the id "n1"/],
    [
      'an edge to a missing node',
      file([node()], [{ id: 'e', fromNode: 'n1', toNode: 'ghost' }]),
      /Edge "e" connects to a node "ghost"/,
    ],
    [
      'an unknown Dreamboard card kind',
      file([node({ dreamboard: { kind: 'spaceship' } })]),
      /Node 1 \("n1"\).*dreamboard\.kind/,
    ],
    ['a __proto__ key', '{"nodes":[],"edges":[],"__proto__":{"polluted":true}}', /key named "__proto__"/],
    [
      'a nested constructor key',
      file([node({ dreamboard: { kind: 'need', fields: { constructor: 'x' } } })]),
      /key named "constructor"/,
    ],
    [
      'deep nesting',
      `${'['.repeat(MAX_JSON_DEPTH + 1)}${']'.repeat(MAX_JSON_DEPTH + 1)}`,
      /nested more than/,
    ],
    ['a huge file', `{"nodes":[],"edges":[],"pad":"${'x'.repeat(17 * 1024 * 1024)}"}`, /too large/],
    ['too many nodes', file(Array.from({ length: 20_001 }, (_, i) => node({ id: `n${i}` }))), /nodes/],
  ])('refuses %s', (_what, text, message) => {
    expect(problemOf(text)).toMatch(message);
  });

  it('leaves Object.prototype untouched by a __proto__ payload', () => {
    const before = prototypeSnapshot();
    importJsonCanvas('{"__proto__":{"polluted":"yes"},"nodes":[{"__proto__":{"x":1}}]}');
    expect(prototypeSnapshot()).toBe(before);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('accepts its own export unchanged', () => {
    expect(importJsonCanvas(serialiseJsonCanvas(exportJsonCanvas(richWorkshop().snapshot))).ok).toBe(true);
  });
});

describe('JSON Canvas import under random input (fast-check)', () => {
  const seed = Number(process.env['FC_SEED'] ?? 20250314);
  const params = { seed, numRuns: 300 };
  const hostileKey = fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'nodes',
    'edges',
    'type',
    'x',
    'id',
    'dreamboard',
  );
  const hostileValue = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      fc.constantFrom(
        null,
        true,
        0,
        -0,
        1e308,
        -1e308,
        'NaN',
        'Infinity',
        '',
        'text',
        'group',
        'file',
        'link',
      ),
      fc.double(),
      fc.string(),
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(fc.oneof(hostileKey, fc.string()), tie('value'), { maxKeys: 5 }),
    ),
  })).value;

  it('never throws and never pollutes prototypes, whatever the JSON', () => {
    const before = prototypeSnapshot();
    fc.assert(
      fc.property(hostileValue, (value) => {
        const result = importJsonCanvas(JSON.stringify(value) ?? 'null');
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) expect(result.problem.length).toBeGreaterThan(0);
      }),
      params,
    );
    expect(prototypeSnapshot()).toBe(before);
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        expect(typeof importJsonCanvas(text).ok).toBe('boolean');
      }),
      params,
    );
  });

  it('either accepts a mutated valid file whole or refuses it whole', () => {
    const valid = exportJsonCanvas(richWorkshop().snapshot);
    const nodeCount = valid.nodes.length;
    fc.assert(
      fc.property(
        fc.nat(nodeCount - 1),
        fc.constantFrom('x', 'y', 'width', 'height', 'type', 'id', 'text', 'label'),
        hostileValue,
        (index, key, value) => {
          const copy = structuredClone(valid) as { nodes: Record<string, unknown>[] };
          copy.nodes[index]![key] = value;
          const result = importJsonCanvas(JSON.stringify(copy));
          if (result.ok) {
            // Accepted whole: every card node became a card.
            const cardNodes = copy.nodes.filter((n) => n['type'] !== 'group').length;
            expect(result.records.cards.length).toBe(cardNodes);
          } else expect(result.problem).toMatch(/\S/);
        },
      ),
      params,
    );
  });
});
