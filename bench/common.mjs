// What every benchmark script shares: the output line and how Chromium is started.
import { chromium } from 'playwright-core';

const round = (v) => Math.round(v * 1000) / 1000;

/** Prints one result line: {"bench", "value", "unit", "baseline", "ratio"}. */
export function emit(bench, value, unit, baseline) {
  console.log(
    JSON.stringify({
      bench,
      value: round(value),
      unit,
      baseline: round(baseline),
      ratio: round(value / baseline),
    }),
  );
}

/**
 * Debian's Chromium (never a downloaded browser), headless, with the flags that keep it from
 * reaching out to the network this machine does not have.
 */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Inclusive main-thread time per function in a CPU profile (Chrome's Profiler.stop), largest first. */
export function inclusiveTimes(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const totals = new Map();
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const { functionName, url, lineNumber } = byId.get(at).callFrame;
      if (!url || ['(program)', '(idle)', '(root)'].includes(functionName)) continue;
      const key = `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      totals.set(key, (totals.get(key) ?? 0) + ms);
    }
  });
  return [...totals].sort((a, b) => b[1] - a[1]);
}
