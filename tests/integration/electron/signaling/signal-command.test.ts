import { describe, expect, it } from 'vitest';
import { createSignalCommand, describeStartError } from '../../../../electron/cli/commands/signal';
import { runCli } from '../../../../electron/cli/run';
import { startSignalingServer } from '../../../../electron/signaling';
import { RecordingClient } from './helpers';

function harness() {
  let out = '';
  let err = '';
  let stop: (signal: string) => void = () => {};
  let started: () => void = () => {};
  const listening = new Promise<void>((resolve) => (started = resolve));
  const command = createSignalCommand({
    waitForStop: () => new Promise((resolve) => (stop = resolve)),
  });
  const io = {
    out: (text: string) => {
      out += text;
      if (out.includes('Ctrl+C')) started();
    },
    err: (text: string) => {
      err += text;
    },
  };
  const run = (argv: string[]) => runCli(['signal', ...argv], io, { now: () => 0 }, [command]);
  return { run, listening, stop: (s: string) => stop(s), output: () => ({ out, err }) };
}

describe('dreamboard signal', () => {
  it('prints its URLs, serves clients and stops cleanly when asked', async () => {
    const h = harness();
    const exit = h.run(['--port', '0', '--limits', '{"maxConnections":10}']);
    await h.listening;
    const url = /WebSocket: (ws:\/\/\S+)/.exec(h.output().out)?.[1];
    expect(url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
    expect(h.output().out).toMatch(/Health: +http:\/\/127\.0\.0\.1:\d+\/health/);
    const client = await RecordingClient.connect(url!);
    await client.sync();
    const closed = client.closed();
    h.stop('SIGTERM');
    expect(await exit).toBe(0);
    expect(await closed).toBe(1001);
    expect(h.output().out).toContain('Stopped.');
    // The log is JSON lines with no message contents.
    const log = h
      .output()
      .err.trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { event: string });
    expect(log.map((l) => l.event)).toEqual(['listening', 'stopped']);
  });

  it('says in plain words that the port is taken, and exits 1', async () => {
    const other = await startSignalingServer({ host: '127.0.0.1', port: 0 });
    try {
      const h = harness();
      expect(await h.run(['--port', String(other.port)])).toBe(1);
      expect(h.output().err).toContain(`Port ${other.port} is already in use on 127.0.0.1`);
    } finally {
      await other.close();
    }
  });

  it.each([
    [['--port', 'http'], /--port must be a number/],
    [['--port', '70000'], /--port must be a number/],
    [['--limits', '{oops'], /--limits must be a JSON object/],
    [['--limits', '[1]'], /--limits must be a JSON object/],
    [['--port', '0', '--limits', '{"rateBurst":0}'], /"rateBurst" must be a whole number/],
    [['--host', ' '], /which address/],
    [['room.dreamboard'], /takes no file/],
  ])('refuses %j with the usage line (exit 64)', async (argv, message) => {
    const h = harness();
    expect(await h.run(argv)).toBe(64);
    expect(h.output().err).toMatch(message);
    expect(h.output().err).toContain('Usage: dreamboard signal');
  });
});

describe('describeStartError', () => {
  it.each([
    ['EACCES', /not allowed to listen on port 80/],
    ['EADDRNOTAVAIL', /has no network address 10\.9\.9\.9/],
    ['ENOTFOUND', /Cannot find the address/],
    ['EWHATEVER', /Could not start the signaling server: boom/],
  ])('explains %s', (code, message) => {
    expect(describeStartError(Object.assign(new Error('boom'), { code }), '10.9.9.9', 80)).toMatch(message);
  });
});
