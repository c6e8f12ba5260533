import type { Point } from '../editor/geometry';
import type { Participant } from '../live/types';

/**
 * Smooth cursors. Peers send at most 20 positions a second; drawn as they arrive a cursor
 * jumps in 50 ms steps. Each cursor glides from where it is drawn now to its newest position over
 * GLIDE_MS, and the layer animates only while some cursor is still gliding: no idle loop.
 * Pure (the clock is passed in) so the stepping is testable.
 */
export const GLIDE_MS = 50;

export interface CursorTrack {
  fromX: number;
  fromY: number;
  toX: number;
  toY: number;
  /** When the glide from (fromX, fromY) began, in the clock's milliseconds. */
  start: number;
}

/** Where a track is drawn at `now`: linear from its start to its target over `duration`. */
export function glidePosition(track: CursorTrack, now: number, duration = GLIDE_MS): Point {
  const t = duration <= 0 ? 1 : Math.min(1, Math.max(0, (now - track.start) / duration));
  return { x: track.fromX + (track.toX - track.fromX) * t, y: track.fromY + (track.toY - track.fromY) * t };
}

export const glideDone = (track: CursorTrack, now: number, duration = GLIDE_MS): boolean =>
  now - track.start >= duration || (track.fromX === track.toX && track.fromY === track.toY);

export class CursorMotion {
  private readonly tracks = new Map<number, CursorTrack>();

  constructor(private readonly duration = GLIDE_MS) {}

  /**
   * Takes the newest participants. A cursor seen for the first time appears where it is (it
   * does not fly in from elsewhere); a moved one glides from its drawn position, or jumps when
   * `jump` (prefers-reduced-motion). Cursors that went away are forgotten.
   */
  update(participants: readonly Participant[], now: number, jump: boolean): void {
    const seen = new Set<number>();
    for (const p of participants) {
      const cursor = p.presence?.cursor;
      if (!cursor) continue;
      seen.add(p.clientId);
      const track = this.tracks.get(p.clientId);
      if (!track) {
        this.tracks.set(p.clientId, {
          fromX: cursor.x,
          fromY: cursor.y,
          toX: cursor.x,
          toY: cursor.y,
          start: now,
        });
        continue;
      }
      if (track.toX === cursor.x && track.toY === cursor.y) continue;
      const here = jump ? cursor : glidePosition(track, now, this.duration);
      track.fromX = here.x;
      track.fromY = here.y;
      track.toX = cursor.x;
      track.toY = cursor.y;
      track.start = now;
    }
    if (seen.size !== this.tracks.size)
      for (const id of this.tracks.keys()) if (!seen.has(id)) this.tracks.delete(id);
  }

  /** The drawn position of someone's cursor at `now`, or null if they have none. */
  positionAt(clientId: number, now: number): Point | null {
    const track = this.tracks.get(clientId);
    return track ? glidePosition(track, now, this.duration) : null;
  }

  /** Whether another frame is needed: some cursor has not reached its target yet. */
  moving(now: number): boolean {
    for (const track of this.tracks.values()) if (!glideDone(track, now, this.duration)) return true;
    return false;
  }
}
