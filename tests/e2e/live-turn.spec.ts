import { expect, test, type Page } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JOIN_TIMING } from '../../renderer/live/join-watch';
import { LIVE_MESSAGES } from '../../renderer/live/live-messages';
import { LIVE_SETTINGS_KEY } from '../../renderer/live/live-settings';
import type { LiveSettings } from '../../renderer/live/types';
import { docSummary, openApp } from './helpers';
import {
  addCard,
  canonicalDoc,
  closePeers,
  expectNoPageErrors,
  hostSession,
  joinSession,
  launchPeer,
  liveProblem,
  liveStatus,
  type Peer,
} from './live-peers';

/**
 * TURN (issue #4): a real coturn (Debian's `coturn` package, installed by .ci/run) on loopback
 * carries a session whose peers may only use relays ("Relay only" in Settings →
 * iceTransportPolicy 'relay'). The spec starts `turnserver` itself with long-term credentials, no
 * TLS/DTLS, no configuration file, and stops it after. Every app peer is its own Chromium process.
 */

test.describe.configure({ timeout: 180_000 });

const USER = 'dreamboard';
const PASSWORD = 'secret';
const REALM = 'dreamboard.test';
/** A second account, so coturn's log tells the joiner with the wrong password apart from the host. */
const OTHER_USER = 'kim';
const OTHER_PASSWORD = 'kims-password';

interface Turn {
  readonly port: number;
  /** Everything coturn logged so far. */
  log(): string;
  stop(): Promise<void>;
}

let turn: Turn | undefined;

function turnserverPath(): string | null {
  const found = spawnSync('sh', ['-c', 'command -v turnserver'], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : null;
}

/** A UDP port nobody uses right now (coturn listens on UDP and TCP at it; it says if TCP is taken). */
function freeUdpPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = createSocket('udp4');
    socket.once('error', reject);
    socket.bind(0, '127.0.0.1', () => {
      const { port } = socket.address();
      socket.close(() => resolve(port));
    });
  });
}

async function startTurn(): Promise<Turn> {
  const binary = turnserverPath();
  if (binary === null)
    throw new Error(
      'turnserver is not installed. This spec needs a real coturn: apt-get install coturn (Debian; .ci/run installs it).',
    );
  const dir = await mkdtemp(join(tmpdir(), 'dreamboard-turn-'));
  const port = await freeUdpPort();
  let output = '';
  const child: ChildProcess = spawn(
    binary,
    [
      '-n', // no configuration file: everything is on this line
      `--listening-ip=127.0.0.1`,
      `--relay-ip=127.0.0.1`,
      `--listening-port=${port}`,
      '--allow-loopback-peers', // the peers' relayed addresses are on loopback too
      '--lt-cred-mech',
      `--user=${USER}:${PASSWORD}`,
      `--user=${OTHER_USER}:${OTHER_PASSWORD}`,
      `--realm=${REALM}`,
      '--no-tls',
      '--no-dtls',
      '--no-tcp-relay',
      '--no-cli',
      '--verbose',
      '--log-file=stdout',
      '--simple-log',
      `--userdb=${join(dir, 'turndb')}`,
      `--pidfile=${join(dir, 'turnserver.pid')}`,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const collect = (chunk: Buffer) => (output += chunk.toString());
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`turnserver did not start:\n${output}`)), 15_000);
    const ready = () => {
      if (output.includes(`UDP listener opened on: 127.0.0.1:${port}`)) {
        clearTimeout(timer);
        child.stdout!.off('data', ready);
        resolve();
      }
    };
    child.stdout!.on('data', ready);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`turnserver exited with ${code}:\n${output}`));
    });
  });
  return {
    port,
    log: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

test.beforeAll(async () => {
  turn = await startTurn();
});

test.afterAll(async () => {
  await turn?.stop();
});

/** An app peer whose only way to anyone is the TURN relay, with this password. */
async function launchRelayOnly(name: string, username = USER, credential = PASSWORD): Promise<Peer> {
  const peer = await launchPeer(name);
  const settings: LiveSettings = {
    signalingUrls: [],
    iceServers: [{ urls: `turn:127.0.0.1:${turn!.port}?transport=udp`, username, credential }],
    relayOnly: true,
    // Any free port for the in-room server, so other test runs on this machine cannot clash.
    roomPort: 0,
  };
  await peer.page.addInitScript(([key, value]) => window.localStorage.setItem(key, value), [
    LIVE_SETTINGS_KEY,
    JSON.stringify(settings),
  ] as const);
  return peer;
}

interface PairStats {
  readonly local: string;
  readonly remote: string;
  readonly bytesSent: number;
  readonly bytesReceived: number;
}

/**
 * The ICE candidate pair each open peer connection uses, from RTCPeerConnection.getStats(). The
 * app exposes no handle on its peer connections, so this walks the live objects the debug build
 * leaves reachable (controller → link → provider → connections → PeerLink → simple-peer's `_pc`).
 * Those are private fields: if a refactor renames one, this fails with a message saying so.
 */
function selectedPairs(page: Page): Promise<PairStats[] | string> {
  return page.evaluate(async () => {
    type Any = Record<string, unknown>;
    const controller = window.dreamboardLiveController as unknown as Any;
    const provider = (controller?.link as Any | undefined)?.provider as Any | undefined;
    const connections = provider?.connections as Map<string, Any> | undefined;
    if (!(connections instanceof Map)) return 'no provider.connections';
    const result: PairStats[] = [];
    for (const conn of connections.values()) {
      const pc = ((conn.link as Any | undefined)?.peer as Any | undefined)?._pc as
        RTCPeerConnection | undefined;
      if (!pc || typeof pc.getStats !== 'function') return 'no RTCPeerConnection at link.peer._pc';
      const stats = await pc.getStats();
      const byId = new Map<string, Any>();
      stats.forEach((s: Any) => byId.set(s.id as string, s));
      let pair: Any | undefined;
      stats.forEach((s: Any) => {
        if (s.type === 'transport' && s.selectedCandidatePairId)
          pair = byId.get(s.selectedCandidatePairId as string);
      });
      if (!pair) continue;
      result.push({
        local: String(byId.get(pair.localCandidateId as string)?.candidateType),
        remote: String(byId.get(pair.remoteCandidateId as string)?.candidateType),
        bytesSent: Number(pair.bytesSent ?? 0),
        bytesReceived: Number(pair.bytesReceived ?? 0),
      });
    }
    return result;
  });
}

test('relay only: two peers converge through a real coturn, and only relay candidates carry it', async () => {
  const peers = await Promise.all(['Fran', 'Sam'].map((name) => launchRelayOnly(name)));
  const [host, sam] = peers as [Peer, Peer];
  try {
    const logBefore = turn!.log().length;
    const code = await hostSession(host);
    await addCard(host.page, 'before', 'Made before Sam joined');
    await joinSession(sam, code);
    await addCard(sam.page, 'samCard', 'Made by Sam over the relay');
    await expect
      .poll(async () => (await docSummary(host.page)).cards.map((c) => c.text).sort(), { timeout: 30_000 })
      .toEqual(['Made before Sam joined', 'Made by Sam over the relay']);
    await expect
      .poll(async () => (await canonicalDoc(host.page)) === (await canonicalDoc(sam.page)), {
        timeout: 30_000,
        message: 'both peers hold the same document',
      })
      .toBe(true);

    // The data channel's selected candidate pair is relay ↔ relay on both sides, and carried the edit.
    for (const peer of peers) {
      const pairs = await selectedPairs(peer.page);
      expect(typeof pairs, `${peer.name}: ${String(pairs)}`).not.toBe('string');
      const list = pairs as PairStats[];
      console.log(`${peer.name}: selected pairs ${JSON.stringify(list)}`);
      expect(list.length, peer.name).toBe(1);
      expect(list[0]!.local, peer.name).toBe('relay');
      expect(list[0]!.remote, peer.name).toBe('relay');
      expect(list[0]!.bytesSent, peer.name).toBeGreaterThan(0);
      expect(list[0]!.bytesReceived, peer.name).toBeGreaterThan(0);
    }

    // coturn's own account: allocations and permissions for our user, answered with success.
    const log = turn!.log().slice(logBefore);
    const ours = log.split('\n').filter((line) => line.includes(`user <${USER}>`));
    console.log(
      ours
        .filter((line) => /success/.test(line))
        .slice(0, 4)
        .join('\n'),
    );
    const allocations = ours.filter((line) => /ALLOCATE processed, success/.test(line)).length;
    const permissions = ours.filter((line) => /CREATE_PERMISSION processed, success/.test(line)).length;
    console.log(`coturn: ${allocations} allocations, ${permissions} permissions for this session`);
    expect(log).toContain(`username=<${USER}>`);
    expect(allocations).toBeGreaterThanOrEqual(2);
    expect(permissions).toBeGreaterThanOrEqual(2);

    expectNoPageErrors(peers);
    expect(await liveProblem(host.page)).toBeNull();
    expect(await liveProblem(sam.page)).toBeNull();
  } finally {
    await closePeers(peers);
  }
});

test('relay only with a wrong TURN password: the join says it could not connect, in time, and nothing crashes', async () => {
  const host = await launchRelayOnly('Fran');
  const kim = await launchRelayOnly('Kim', OTHER_USER, 'not-the-password');
  try {
    const logBefore = turn!.log().length;
    const code = await hostSession(host);
    await openApp(kim.page);
    const started = Date.now();
    await kim.page.evaluate((input) => {
      void window.dreamboardLiveController!.join({ input, identity: { name: 'Kim', role: 'carer' } });
    }, code);
    // Found through signaling, then ICE with no usable candidate: "could not connect" once connectMs runs out.
    const limit = JOIN_TIMING.reachServerMs + JOIN_TIMING.hearFromSomeoneMs + JOIN_TIMING.connectMs + 5_000;
    await expect.poll(() => liveProblem(kim.page), { timeout: limit }).toBe(LIVE_MESSAGES.couldNotConnect);
    const took = Date.now() - started;
    console.log(`wrong TURN password: "could not connect" after ${took} ms`);
    expect(took).toBeGreaterThanOrEqual(JOIN_TIMING.connectMs - 1_000);
    expect(await liveStatus(kim.page)).toBe('off');
    // Nothing was created for the failed join.
    expect(await kim.page.evaluate(() => !!window.dreamboardDebug)).toBe(false);

    // coturn refused Kim's wrong password and never gave Kim an allocation.
    const log = turn!.log().slice(logBefore);
    const kimLines = log.split('\n').filter((line) => line.includes(`user <${OTHER_USER}>`));
    expect(kimLines.join('\n')).toMatch(/error 401/);
    expect(kimLines.filter((line) => /success/i.test(line))).toEqual([]);
    expect(log).not.toContain(`username=<${OTHER_USER}>`);

    // The host is unharmed and still hosting.
    expect(await liveStatus(host.page)).toBe('connected');
    expectNoPageErrors([host, kim]);
  } finally {
    await closePeers([host, kim]);
  }
});
