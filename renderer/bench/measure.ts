/** Frame timing for the benchmarks: the clock stops only after the pixels are flushed. */

export interface FrameStats {
  readonly p50: number;
  readonly p95: number;
  readonly mean: number;
  readonly frames: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export function stats(times: readonly number[]): FrameStats {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    mean: times.reduce((s, t) => s + t, 0) / Math.max(1, times.length),
    frames: times.length,
  };
}

/** Reading one pixel back from every canvas forces the draw to finish rasterising. */
export function flushCanvases(root: ParentNode = document): void {
  for (const canvas of root.querySelectorAll('canvas')) {
    const ctx = canvas.getContext('2d');
    ctx?.getImageData(0, 0, 1, 1);
  }
}

const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

/**
 * Runs `frames` steps; each step changes the view and draws synchronously. Between steps the
 * browser gets a real animation frame, as it would while someone pans.
 */
export async function timeFrames(frames: number, step: (i: number) => void, warmup = 10): Promise<number[]> {
  const times: number[] = [];
  for (let i = -warmup; i < frames; i++) {
    await nextFrame();
    const t0 = performance.now();
    step(i);
    flushCanvases();
    const dt = performance.now() - t0;
    if (i >= 0) times.push(dt);
  }
  return times;
}
