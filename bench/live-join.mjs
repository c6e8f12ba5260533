// Where a late join's time goes (bench/live.bench.mjs): the phases from the instrument() marks of
// the joining page and the host's large sends, and an optional CPU profile of the joining page.
import { log } from './live-peers.mjs';
import { inclusiveTimes } from './common.mjs';
import { timedJoin } from './live-page.mjs';

const ms = (v) => (v === undefined ? '–' : v.toFixed(0));

/**
 * One line: milliseconds after join() at which each step happened. `hostSends` are the host's
 * large data-channel sends (absolute clock), placed on the joiner's timeline.
 */
export function joinPhases(r, hostSends, baseline, rawWire) {
  const m = r.marks;
  const last = r.lastMarks;
  const sends = hostSends.filter((t) => t >= r.abs0).map((t) => t - r.abs0);
  const longest = [...r.longtasks].sort((a, b) => b.ms - a.ms).slice(0, 4);
  const blocked = r.longtasks.reduce((n, t) => n + t.ms, 0);
  return [
    `signaling open ${ms(m['ws-open'])}`,
    `first signal in ${ms(m['ws-in'])}`,
    `peer connection ${ms(m['pc-created'])}`,
    `channel open ${ms(m['dc-open'])}`,
    `host sends workshop ${ms(sends[0])}–${ms(sends.at(-1))} (${sends.length} chunks)`,
    `chunks arrive ${ms(m['big-in'])}–${ms(last['big-in'])}`,
    `gate worker started ${ms(m['worker:dreamboard-update-gate'])} ready ${ms(m['gate-ready'])}`,
    `gate post ${ms(m['gate-post'])} verdict ${ms(m['gate-verdict'])}`,
    `document complete ${ms(m['doc-complete'])}`,
    `file create ${ms(m['file-create-post'])}–${ms(m['file-created'])}`,
    `workshop exposed ${ms(m['workshop-exposed'])}`,
    `connected ${ms(m.connected)}`,
    `open ${ms(m.open)}`,
    `first paint ${ms(m['first-paint'])}`,
    `| ${(r.updateBytes / 1024).toFixed(0)} KiB: Y.applyUpdate ${baseline.toFixed(0)} ms, raw channel ${ms(rawWire)} ms`,
    ...(r.appMarks?.length ? [`| app marks ${r.appMarks.map(([k, t]) => `${k} ${ms(t)}`).join(', ')}`] : []),
    `| long tasks ${blocked.toFixed(0)} ms in all, longest ${longest.map((t) => `${t.ms.toFixed(0)}@${t.at.toFixed(0)}`).join(' ')}`,
  ].join(', ');
}

/** timedJoin with a CPU profile of the joining page (1 ms samples); prints the top functions. */
export async function profileJoin(page, args) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
  await cdp.send('Profiler.start');
  const r = await page.evaluate(timedJoin, args);
  const { profile } = await cdp.send('Profiler.stop');
  const rows = inclusiveTimes(profile).slice(0, 45);
  log(
    `profile of a ${args.cards}-card join, inclusive ms:\n${rows.map(([key, t]) => `    ${t.toFixed(0).padStart(6)}  ${key}`).join('\n')}`,
  );
  return r;
}
