import { expect, test, type Page } from '@playwright/test';
import { createSessionSecret, formatJoinCode } from '../../shared/live';
import { storedFiles, waitUntilSaved } from './files-helpers';
import { docSummary, openApp } from './helpers';
import {
  canonicalDoc,
  closePeers,
  expectNoPageErrors,
  hostSession,
  joinSession,
  launchPeer,
  liveProblem,
  liveStatus,
  participantNames,
  seedCards,
  type Peer,
} from './live-peers';

/**
 * Live sessions end to end: separate Chromium processes, real WebRTC data channels over
 * loopback (no ICE servers), the app's own signaling server started by "In this room".
 */

test.describe.configure({ timeout: 180_000 });

type Op =
  | { op: 'add'; id: string; text: string; x: number; y: number }
  | { op: 'move'; id: string; x: number; y: number }
  | { op: 'text'; id: string; text: string }
  | { op: 'connect'; id: string; from: string; to: string }
  | { op: 'delete'; id: string };

/** Edits straight on the document (as the editor's commands would), each op its own transaction. */
async function edit(page: Page, ops: readonly Op[]): Promise<void> {
  await page.evaluate((ops) => {
    const doc = window.dreamboardDebug!.session.doc;
    type AnyMap = { set(k: string, v: unknown): void; get(k: string): unknown; delete(k: string): void };
    const MapType = doc.getMap('cards').constructor as unknown as new () => AnyMap;
    const cards = doc.getMap('cards') as unknown as AnyMap;
    const connectors = doc.getMap('connectors') as unknown as AnyMap;
    const record = (target: AnyMap, id: string, fields: Record<string, unknown>) => {
      const m = new MapType();
      target.set(id, m);
      for (const [k, v] of Object.entries(fields)) m.set(k, v);
    };
    for (const o of ops) {
      doc.transact(() => {
        if (o.op === 'add')
          record(cards, o.id, {
            id: o.id,
            kind: 'need',
            x: o.x,
            y: o.y,
            w: 200,
            h: 120,
            z: 'a0',
            text: o.text,
            frame: null,
            fields: {},
            createdBy: 'e2e',
            createdRole: null,
            createdAt: 1,
          });
        else if (o.op === 'move') {
          const card = cards.get(o.id) as AnyMap | undefined;
          card?.set('x', o.x);
          card?.set('y', o.y);
        } else if (o.op === 'text') (cards.get(o.id) as AnyMap | undefined)?.set('text', o.text);
        else if (o.op === 'connect')
          record(connectors, o.id, { id: o.id, from: o.from, to: o.to, kind: 'contributes-to', label: '' });
        else {
          cards.delete(o.id);
          connectors.delete(o.id);
        }
      }, 'e2e-edit');
    }
  }, ops);
}

async function expectConverged(peers: readonly Peer[]): Promise<string> {
  let docs: string[] = [];
  await expect
    .poll(
      async () => {
        docs = await Promise.all(peers.map((p) => canonicalDoc(p.page)));
        return docs.every((d) => d === docs[0]);
      },
      { timeout: 30_000, message: 'all peers have the same document' },
    )
    .toBe(true);
  return docs[0]!;
}

test('three peers edit at once and converge; presence comes and goes', async () => {
  const peers = await Promise.all(['Fran', 'Sam', 'Ade'].map(launchPeer));
  const [host, sam, ade] = peers as [Peer, Peer, Peer];
  try {
    const code = await hostSession(host);
    await Promise.all([joinSession(sam, code), joinSession(ade, code)]);

    // Everyone sees the two others, by name.
    await expect.poll(() => participantNames(host.page)).toEqual(['Ade', 'Sam']);
    await expect.poll(() => participantNames(sam.page)).toEqual(['Ade', 'Fran']);
    await expect.poll(() => participantNames(ade.page)).toEqual(['Fran', 'Sam']);

    // Shared starting cards, then concurrent create, edit, move, connect and delete.
    await edit(host.page, [
      { op: 'add', id: 'shared1', text: 'Somewhere safe tonight', x: 0, y: 0 },
      { op: 'add', id: 'shared2', text: 'One key worker', x: 300, y: 0 },
      { op: 'add', id: 'shared3', text: 'Drop-in at the library', x: 600, y: 0 },
    ]);
    await expectConverged(peers);
    await Promise.all([
      edit(host.page, [
        { op: 'add', id: 'hostCard', text: 'Food bank knows everyone', x: 0, y: 300 },
        { op: 'move', id: 'shared1', x: 50, y: 50 },
        { op: 'connect', id: 'link1', from: 'shared1', to: 'shared2' },
      ]),
      edit(sam.page, [
        { op: 'add', id: 'samCard', text: 'Tell my story once', x: 300, y: 300 },
        { op: 'text', id: 'shared2', text: 'One named key worker' },
        { op: 'move', id: 'shared1', x: 70, y: 90 },
      ]),
      edit(ade.page, [
        { op: 'add', id: 'adeCard', text: 'Keep my dog with me', x: 600, y: 300 },
        { op: 'delete', id: 'shared3' },
        { op: 'connect', id: 'link2', from: 'samCard', to: 'adeCard' },
      ]),
    ]);
    await expectConverged(peers);
    const summary = await docSummary(sam.page);
    const texts = summary.cards.map((c) => c.text).sort();
    expect(texts).toEqual([
      'Food bank knows everyone',
      'Keep my dog with me',
      'One named key worker',
      'Somewhere safe tonight',
      'Tell my story once',
    ]);
    expect(summary.connectors.map((c) => c.id).sort()).toEqual(['link1', 'link2']);
    // link2 was made by Ade while Sam's card was arriving; every peer shows it (no quarantine).
    expect(summary.quarantine).toBe(0);

    // A peer's edits are not undoable by the others.
    const undoable = await host.page.evaluate(
      () => window.dreamboardDebug!.session.undoManager.undoStack.length,
    );
    expect(undoable).toBe(0);

    // Ade leaves: the others see it within seconds.
    await ade.page.evaluate(() => window.dreamboardLiveController!.leave());
    await expect.poll(() => participantNames(host.page), { timeout: 15_000 }).toEqual(['Sam']);
    await expect.poll(() => participantNames(sam.page), { timeout: 15_000 }).toEqual(['Fran']);
    expect(await liveStatus(ade.page)).toBe('off');
    expectNoPageErrors(peers);
  } finally {
    await closePeers(peers);
  }
});

test('a wrong or expired code says so within seconds; a typo at once', async () => {
  const peers = await Promise.all(['Fran', 'Kim'].map(launchPeer));
  const [host, kim] = peers as [Peer, Peer];
  try {
    const code = await hostSession(host);
    await openApp(kim.page);

    // A typo: caught by the check symbols before anything connects.
    const typo = code.slice(0, 2) + (code[2] === '7' ? '8' : '7') + code.slice(3);
    await kim.page.evaluate((input) => {
      void window.dreamboardLiveController!.join({ input, identity: { name: 'Kim', role: 'carer' } });
    }, typo);
    await expect.poll(() => liveProblem(kim.page)).toContain('typo');

    // A well-formed code for the same server that nobody hosts (an ended session): said within seconds.
    const port = Number(
      /:(\d+)$/.exec(
        await host.page.evaluate(() => window.dreamboardLiveController!.store.get().session!.inRoomUrls![0]!),
      )![1],
    );
    const expired = formatJoinCode({ secret: createSessionSecret(), signal: { host: '127.0.0.1', port } });
    const started = Date.now();
    await kim.page.evaluate((input) => {
      void window.dreamboardLiveController!.join({ input, identity: { name: 'Kim', role: 'carer' } });
    }, expired);
    await expect
      .poll(() => liveProblem(kim.page), { timeout: 15_000 })
      .toContain('No one is running a session');
    expect(Date.now() - started).toBeLessThan(12_000);
    expect(await liveStatus(kim.page)).toBe('off');
    // Nothing was created for the failed join.
    expect(await kim.page.evaluate(() => !!window.dreamboardDebug)).toBe(false);

    // A code whose computer is not there (a closed port): said without waiting out the timeout.
    const gone = formatJoinCode({ secret: createSessionSecret(), signal: { host: '127.0.0.1', port: 1031 } });
    const tried = Date.now();
    await kim.page.evaluate((input) => {
      void window.dreamboardLiveController!.join({ input, identity: { name: 'Kim', role: 'carer' } });
    }, gone);
    await expect
      .poll(() => liveProblem(kim.page), { timeout: 10_000 })
      .toContain('Cannot reach the facilitator’s computer at 127.0.0.1');
    expect(Date.now() - tried).toBeLessThan(7_000);
    expectNoPageErrors(peers);
  } finally {
    await closePeers(peers);
  }
});

test('a late joiner receives a 10,000-card workshop', async () => {
  const peers = await Promise.all(['Fran', 'Lee'].map(launchPeer));
  const [host, lee] = peers as [Peer, Peer];
  try {
    const code = await hostSession(host);
    await seedCards(host.page, 10_000);
    const started = Date.now();
    await joinSession(lee, code);
    const arrivedMs = Date.now() - started;
    const marks = await lee.page.evaluate(() => {
      const all = performance.getEntriesByType('mark').filter((m) => m.name.startsWith('dreamboard:live:'));
      const start = all.find((m) => m.name.endsWith('join-start'))?.startTime ?? 0;
      return all.map((m) => `${m.name.slice(16)} +${Math.round(m.startTime - start)} ms`).join(', ');
    });
    console.log(`10k late join: workshop open after ${arrivedMs} ms (includes page start); ${marks}`);
    await expect
      .poll(() => lee.page.evaluate(() => window.dreamboardDebug!.session.snapshot().cards.size), {
        timeout: 30_000,
      })
      .toBe(10_000);
    await expectConverged(peers);
    expectNoPageErrors(peers);
  } finally {
    await closePeers(peers);
  }
});

test('a peer that drops out keeps editing, and everything merges when it rejoins', async () => {
  const peers = await Promise.all(['Fran', 'Jo'].map(launchPeer));
  const [host, jo] = peers as [Peer, Peer];
  try {
    const code = await hostSession(host);
    await joinSession(jo, code);
    await edit(host.page, [{ op: 'add', id: 'before', text: 'Before the break', x: 0, y: 0 }]);
    await expectConverged(peers);

    await jo.page.evaluate(() => window.dreamboardLiveController!.leave());
    await edit(jo.page, [
      { op: 'add', id: 'joOffline', text: 'Written on the train', x: 0, y: 300 },
      { op: 'text', id: 'before', text: 'Before the break (Jo’s words)' },
    ]);
    await edit(host.page, [{ op: 'add', id: 'hostMeanwhile', text: 'Meanwhile in the room', x: 300, y: 0 }]);
    expect(await canonicalDoc(jo.page)).not.toBe(await canonicalDoc(host.page));

    // Rejoining with the same code merges into Jo's open copy (no second file).
    await jo.page.evaluate((input) => {
      void window.dreamboardLiveController!.join({ input, identity: { name: 'Jo', role: 'frontline' } });
    }, code);
    await expect.poll(() => liveStatus(jo.page), { timeout: 30_000 }).toBe('connected');
    await expectConverged(peers);
    const texts = (await docSummary(host.page)).cards.map((c) => c.text).sort();
    expect(texts).toEqual(['Before the break (Jo’s words)', 'Meanwhile in the room', 'Written on the train']);
    expectNoPageErrors(peers);
  } finally {
    await closePeers(peers);
  }
});

test('after a restart, joining the same session again merges into the copy reopened from the recent list', async () => {
  const peers = await Promise.all(['Fran', 'Jo'].map(launchPeer));
  const [host, jo] = peers as [Peer, Peer];
  try {
    const code = await hostSession(host);
    await joinSession(jo, code);
    await edit(host.page, [{ op: 'add', id: 'before', text: 'Before the restart', x: 0, y: 0 }]);
    await expectConverged(peers);
    await waitUntilSaved(jo.page);
    const copies = await storedFiles(jo.page);

    // Jo's app restarts; Jo reopens the copy from the start screen and works alone for a while.
    await jo.page.reload();
    const recent = jo.page.getByRole('region', { name: 'Carry on with a workshop' });
    await recent.getByRole('button').first().click();
    await jo.page.waitForFunction(() => !!window.dreamboardDebug);
    await edit(jo.page, [{ op: 'add', id: 'apart', text: 'Written while apart', x: 0, y: 300 }]);

    await jo.page.evaluate((input) => {
      void window.dreamboardLiveController!.join({ input, identity: { name: 'Jo', role: 'frontline' } });
    }, code);
    await expect.poll(() => liveStatus(jo.page), { timeout: 30_000 }).toBe('connected');
    await expectConverged(peers);
    expect((await docSummary(host.page)).cards.map((c) => c.text).sort()).toEqual([
      'Before the restart',
      'Written while apart',
    ]);
    // The same copy carried on: no second file.
    await waitUntilSaved(jo.page);
    expect(await storedFiles(jo.page)).toEqual(copies);
    expectNoPageErrors(peers);
  } finally {
    await closePeers(peers);
  }
});
