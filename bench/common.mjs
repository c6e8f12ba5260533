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
