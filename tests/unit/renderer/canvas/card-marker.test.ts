import { describe, expect, it } from 'vitest';
import { cardMarker, shortDate } from '../../../../renderer/canvas/card-marker';
import type { Card, CardId, CardKind, FieldValues } from '../../../../shared/model';

const card = (kind: CardKind, fields: FieldValues = {}): Card => ({
  id: 'c1' as CardId,
  kind,
  x: 0,
  y: 0,
  w: 200,
  h: 120,
  z: 'a0',
  text: '',
  frame: null,
  fields,
  createdBy: 'p',
  createdRole: null,
  createdAt: 0,
});

describe('card markers', () => {
  it.each([
    ['barrier', { isThreshold: true, proposal: 'test-removing' }, 'Threshold · test removing'],
    ['barrier', { isThreshold: true }, 'Threshold'],
    ['barrier', { proposal: 'keep' }, 'Proposal: keep'],
    ['barrier', {}, null],
    ['outcome', { horizon: 'long' }, 'Long term'],
    ['action', { owner: 'Housing officer', due: '2025-03-04' }, 'Housing officer by 4 Mar 2025'],
    ['action', { due: '2025-03-04' }, 'No owner yet by 4 Mar 2025'],
    ['action', {}, null],
    ['learning', { reviewDate: '2025-12-01', status: 'running' }, 'Review 1 Dec 2025'],
    ['learning', { status: 'running' }, 'Running'],
    ['person', { consent: 'yes' }, 'OK to quote'],
    ['note', { horizon: 'long' }, null],
  ] as const)('%s with %j shows %j', (kind, fields, expected) => {
    expect(cardMarker(card(kind, fields))).toBe(expected);
  });

  it('shows dates it cannot read as typed', () => {
    expect(shortDate('next spring')).toBe('next spring');
  });
});
