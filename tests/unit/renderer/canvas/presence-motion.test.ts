import { describe, expect, it } from 'vitest';
import {
  CursorMotion,
  GLIDE_MS,
  glideDone,
  glidePosition,
} from '../../../../renderer/canvas/presence-motion';
import { person } from './presence-fixtures';

const at = (id: number, x: number, y: number) => person(id, { cursor: { x, y } });

describe('cursor glide', () => {
  it('moves linearly from the drawn position to the target over 50 ms, then stays', () => {
    const track = { fromX: 0, fromY: 0, toX: 100, toY: -50, start: 1000 };
    expect(glidePosition(track, 1000)).toEqual({ x: 0, y: 0 });
    expect(glidePosition(track, 1025)).toEqual({ x: 50, y: -25 });
    expect(glidePosition(track, 1000 + GLIDE_MS)).toEqual({ x: 100, y: -50 });
    expect(glidePosition(track, 5000)).toEqual({ x: 100, y: -50 });
    expect(glideDone(track, 1049)).toBe(false);
    expect(glideDone(track, 1050)).toBe(true);
  });

  it('shows a new cursor where it is, glides a moved one from where it is drawn, and stops animating', () => {
    const motion = new CursorMotion();
    motion.update([at(1, 10, 10)], 0, false);
    expect(motion.positionAt(1, 0)).toEqual({ x: 10, y: 10 });
    expect(motion.moving(0)).toBe(false);

    motion.update([at(1, 110, 10)], 100, false);
    expect(motion.moving(100)).toBe(true);
    expect(motion.positionAt(1, 125)).toEqual({ x: 60, y: 10 });
    // A newer position half way: the glide restarts from the drawn point, no jump back.
    motion.update([at(1, 60, 60)], 125, false);
    expect(motion.positionAt(1, 125)).toEqual({ x: 60, y: 10 });
    expect(motion.positionAt(1, 175)).toEqual({ x: 60, y: 60 });
    expect(motion.moving(175)).toBe(false);
  });

  it('jumps straight to the target with reduced motion', () => {
    const motion = new CursorMotion();
    motion.update([at(1, 0, 0)], 0, true);
    motion.update([at(1, 300, 0)], 10, true);
    expect(motion.positionAt(1, 10)).toEqual({ x: 300, y: 0 });
    expect(motion.moving(10)).toBe(false);
  });

  it('forgets people who left or whose cursor went off the board', () => {
    const motion = new CursorMotion();
    motion.update([at(1, 0, 0), at(2, 5, 5)], 0, false);
    motion.update([person(1, { cursor: null }), at(2, 5, 5)], 10, false);
    expect(motion.positionAt(1, 10)).toBeNull();
    expect(motion.positionAt(2, 10)).toEqual({ x: 5, y: 5 });
    motion.update([], 20, false);
    expect(motion.positionAt(2, 20)).toBeNull();
  });
});
