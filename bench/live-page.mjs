// In-page code for bench/live.bench.mjs. Every export is a self-contained function that Playwright
// serialises into the page (page.addInitScript / page.evaluate), so none may use anything from this
// module's scope.
//
// Clock: every peer is its own Chromium process on the same machine, and each timestamp that is
// compared across processes is `performance.timeOrigin + performance.now()`, i.e. the shared system
// clock at microsecond resolution. The bench checks the assumption once per run (clock offsets of
// each page against Node's, logged on stderr) and compares only timestamps taken on one machine.

/**
 * Runs before the app in every page: watches the wire and the workers from outside the product.
 * - RTCDataChannel.prototype.send: messages and bytes sent, by sync-protocol kind (first byte(s),
 *   shared/sync/messages.ts), and the times of large sends (a late joiner's workshop).
 * - RTCPeerConnection / WebSocket / Worker: times of the steps of a join (first occurrence in
 *   `marks`, last in `lastMarks`, both `performance.now()`).
 * - window.dreamboardDebug: when the app exposes the open workshop.
 */
export function instrument() {
  const BIG = 16 * 1024;
  const now = () => performance.now();
  const live = {
    marks: {},
    lastMarks: {},
    wire: {},
    bigOut: [],
    bigUpdate: null,
    keepUpdate: false,
    firstUpdateSend: null,
    mark(name) {
      const t = now();
      if (!(name in this.marks)) this.marks[name] = t;
      this.lastMarks[name] = t;
    },
    reset() {
      this.marks = {};
      this.lastMarks = {};
      this.bigUpdate = null;
    },
  };
  window.__live = live;
  const bytesOf = (data) =>
    data instanceof ArrayBuffer
      ? new Uint8Array(data)
      : ArrayBuffer.isView(data)
        ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
        : null;
  const KINDS = { 0: 'sync', 1: 'awareness', 3: 'queryAwareness', 100: 'chunk' };
  const SYNC = ['step1', 'step2', 'update'];
  const kindOf = (b) =>
    b.length === 0 ? 'empty' : b[0] === 0 ? (SYNC[b[1]] ?? 'sync?') : (KINDS[b[0]] ?? 'other');

  const nativeSend = RTCDataChannel.prototype.send;
  RTCDataChannel.prototype.send = function send(data) {
    const b = bytesOf(data);
    if (b) {
      const k = kindOf(b);
      const w = (live.wire[k] ??= { messages: 0, bytes: 0 });
      w.messages++;
      w.bytes += b.byteLength;
      if (k === 'update') live.firstUpdateSend ??= performance.timeOrigin + now();
      if (b.byteLength > BIG) live.bigOut.push(performance.timeOrigin + now());
    }
    return nativeSend.call(this, data);
  };

  const hookChannel = (channel) => {
    channel.addEventListener('open', () => live.mark('dc-open'));
    channel.addEventListener('message', (e) => {
      live.mark('dc-in');
      if ((e.data?.byteLength ?? e.data?.size ?? 0) > BIG) live.mark('big-in');
    });
  };
  const NativePC = window.RTCPeerConnection;
  window.RTCPeerConnection = class extends NativePC {
    constructor(...args) {
      super(...args);
      live.mark('pc-created');
      // Added before simple-peer sets ondatachannel/onmessage, so these listeners run first.
      this.addEventListener('datachannel', (e) => hookChannel(e.channel));
      this.addEventListener('connectionstatechange', () => {
        if (this.connectionState === 'connected') live.mark('pc-connected');
      });
    }
    createDataChannel(...args) {
      const channel = super.createDataChannel(...args);
      hookChannel(channel);
      return channel;
    }
  };

  const NativeWS = window.WebSocket;
  window.WebSocket = class extends NativeWS {
    constructor(...args) {
      super(...args);
      live.mark('ws-created');
      this.addEventListener('open', () => live.mark('ws-open'));
      this.addEventListener('message', () => live.mark('ws-in'));
    }
  };

  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(url, options) {
      super(url, options);
      const name = options?.name ?? '';
      this.benchName = name;
      live.mark(`worker:${name}`);
      this.addEventListener('message', (e) => {
        const d = e.data;
        if (name === 'dreamboard-update-gate') {
          if (d?.kind === 'ready') live.mark('gate-ready');
          if (d?.kind === 'verdict' && d.id === this.bigId) live.mark('gate-verdict');
        }
        if (name === 'dreamboard-storage' && d?.kind === 'reply' && d.id === this.createId)
          live.mark('file-created');
      });
    }
    postMessage(message, transfer) {
      if (message?.update instanceof Uint8Array && message.update.byteLength > BIG) {
        live.mark('gate-post');
        this.bigId = message.id;
        // A copy for the baseline (the buffer is transferred); ~1 ms for a 5k-card workshop.
        if (live.keepUpdate) live.bigUpdate = message.update.slice();
      }
      if (message?.method === 'createFromState') {
        live.mark('file-create-post');
        this.createId = message.id;
      }
      return super.postMessage(message, transfer);
    }
  };

  let exposed;
  Object.defineProperty(window, 'dreamboardDebug', {
    configurable: true,
    get: () => exposed,
    set: (value) => {
      exposed = value;
      if (value) live.mark('workshop-exposed');
    },
  });
}

/** Sum of this page's wire counters and of the provider's per-peer stats (`peerStats()`). */
export function liveCounters() {
  // The link and provider are private fields of the controller and the link; read at run time,
  // so the product needs no extra hook (LiveProvider.peerStats() exists for this).
  const provider = window.dreamboardLiveController?.link?.provider;
  const stats = provider?.peerStats?.() ?? [];
  return {
    wire: JSON.parse(JSON.stringify(window.__live.wire)),
    messagesOut: stats.reduce((n, s) => n + (s.messagesOut ?? 0), 0),
    bytesOut: stats.reduce((n, s) => n + (s.bytesOut ?? 0), 0),
    antiEntropyRounds: stats.reduce((n, s) => n + (s.antiEntropyRounds ?? 0), 0),
  };
}

/** Open data channels of this page's provider, and the participants it lists. */
export function meshState() {
  const c = window.dreamboardLiveController;
  return {
    peers: c?.link?.snapshot?.().peers.length ?? 0,
    participants: c?.store.get().participants.length ?? 0,
    status: c?.store.get().status ?? 'off',
  };
}

/**
 * Watches the bench card: when a remote edit's marker text arrives, records when the document
 * had applied it (`applied`) and when the next animation frame ran after the board's own redraw
 * (`painted`: the board asks for its frame from the index's afterTransaction listener, before this
 * 'update' listener, so its rAF callback runs first in that frame).
 */
export function watchEdits() {
  if (window.__edits) return;
  const doc = window.dreamboardDebug.session.doc;
  const cards = doc.getMap('cards');
  const edits = { applied: new Map(), arrived: new Map(), painted: new Map(), waiters: new Map() };
  window.__edits = edits;
  const clock = () => performance.timeOrigin + performance.now();
  doc.on('update', () => {
    const text = cards.get('bench')?.get('text');
    if (typeof text !== 'string' || !text.startsWith('edit ')) return;
    const seq = Number(text.slice(5));
    if (edits.applied.has(seq)) return;
    edits.applied.set(seq, clock());
    // The last data-channel message in before this update: the one that carried it (as a rule).
    edits.arrived.set(seq, performance.timeOrigin + window.__live.lastMarks['dc-in']);
    requestAnimationFrame(() => {
      edits.painted.set(seq, clock());
      edits.waiters.get(seq)?.();
    });
  });
  edits.wait = (seq) =>
    new Promise((resolve) => {
      const done = () =>
        resolve({
          applied: edits.applied.get(seq),
          arrived: edits.arrived.get(seq),
          painted: edits.painted.get(seq),
        });
      if (edits.painted.has(seq)) return done();
      const timer = setTimeout(() => resolve(null), 10_000);
      edits.waiters.set(seq, () => {
        clearTimeout(timer);
        done();
      });
    });
}

/** One small edit (the bench card's text) as its own transaction; answers when it was made and first sent. */
export function makeEdit(seq) {
  const doc = window.dreamboardDebug.session.doc;
  const card = doc.getMap('cards').get('bench');
  window.__live.firstUpdateSend = null;
  const made = performance.timeOrigin + performance.now();
  doc.transact(() => card.set('text', `edit ${seq}`), 'bench');
  return { made, sent: window.__live.firstUpdateSend };
}

/** Adds cards `from`…`to − 1` in one transaction, with the document's own Yjs types (as the e2e spec does). */
export function seedCards({ from, to }) {
  const doc = window.dreamboardDebug.session.doc;
  const cards = doc.getMap('cards');
  const MapType = cards.constructor;
  doc.transact(() => {
    for (let i = from; i < to; i++) {
      const id = i < 0 ? 'bench' : `c${i}`;
      const m = new MapType();
      cards.set(id, m);
      const fields = {
        id,
        kind: 'note',
        x: (i % 100) * 220,
        y: Math.floor(i / 100) * 140,
        w: 200,
        h: 120,
        z: `a${i}`,
        text: i < 0 ? 'edit -1' : `Card ${i}: what matters to people here`,
        frame: null,
        fields: {},
        createdBy: 'bench',
        createdRole: null,
        createdAt: 1,
      };
      for (const [k, v] of Object.entries(fields)) m.set(k, v);
    }
  }, 'bench');
  return cards.size;
}

/**
 * A late join, timed in the joining page (loaded and idle before the clock starts): join(code),
 * then (a) the document holds every card, (b) the workshop is open (window.dreamboardDebug set and
 * status 'connected'), (c) the first frame after that in which the board's canvas has drawn.
 * Answers the instrument() marks relative to the join call, and the long tasks in between.
 */
export async function timedJoin({ code, cards, timeoutMs }) {
  const live = window.__live;
  const controller = window.dreamboardLiveController;
  live.reset();
  live.keepUpdate = true;
  const longtasks = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longtasks.push({ at: e.startTime, ms: e.duration });
  });
  observer.observe({ type: 'longtask' });
  const t0 = performance.now();
  const abs0 = performance.timeOrigin + t0;
  void controller.join({ input: code, identity: { name: 'Late', role: 'frontline' } });
  // join() makes the link after one `await`; nothing can arrive before a WebSocket has even opened.
  for (let i = 0; i < 100 && !controller.link; i++) await new Promise((r) => setTimeout(r, 0));
  const link = controller.link;
  if (!link) return { ok: false, why: 'no link after join()' };
  const cardMap = link.doc.getMap('cards');
  link.doc.on('update', () => {
    if (!('doc-complete' in live.marks) && cardMap.size >= cards) live.mark('doc-complete');
  });
  // Any drawn pixel on the board's canvas (a full read: a scaled-down copy can miss small cards).
  const drawn = (canvas) => {
    const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) return true;
    return false;
  };
  return new Promise((resolve) => {
    let finished = false;
    const finish = (ok, why) => {
      if (finished) return;
      finished = true;
      off();
      setTimeout(() => {
        observer.disconnect();
        const rel = (marks) => Object.fromEntries(Object.entries(marks).map(([k, v]) => [k, v - t0]));
        resolve({
          ok,
          why,
          abs0,
          marks: rel(live.marks),
          lastMarks: rel(live.lastMarks),
          longtasks: longtasks.filter((t) => t.at >= t0).map((t) => ({ at: t.at - t0, ms: t.ms })),
          updateBytes: live.bigUpdate?.byteLength ?? 0,
          // The app's own User Timing marks for the steps of a join, where the build has them.
          appMarks: performance
            .getEntriesByType('mark')
            .filter((e) => e.name.startsWith('dreamboard:live:') && e.startTime >= t0)
            .map((e) => [e.name.slice('dreamboard:live:'.length), e.startTime - t0]),
        });
      }, 50);
    };
    const onState = (s) => {
      if (s.status === 'connected') live.mark('connected');
      if (s.problem) finish(false, s.problem);
    };
    const off = controller.store.subscribe(onState);
    onState(controller.store.get());
    const check = () => {
      if (finished) return;
      const m = live.marks;
      const session = window.dreamboardDebug?.session;
      if ('doc-complete' in m && 'connected' in m && session) {
        // Open: the later of the workshop being exposed and the status saying 'connected'.
        m.open ??= Math.max(m.connected, m['workshop-exposed'] ?? performance.now());
        const canvas = document.querySelector('.db-board canvas');
        if (canvas && session.snapshot().cards.size >= cards && drawn(canvas)) {
          live.mark('first-paint');
          return finish(true, null);
        }
      }
      if (performance.now() - t0 > timeoutMs) return finish(false, 'timed out');
      requestAnimationFrame(() => setTimeout(check, 0));
    };
    requestAnimationFrame(() => setTimeout(check, 0));
  });
}

/** The raw probe: one RTCPeerConnection with one data channel, as simple-peer makes it (ordered, reliable). */
export async function probeStart(initiator) {
  const pc = new RTCPeerConnection({ iceServers: [] });
  const probe = { pc, channel: null, arrivals: new Map(), waiters: new Map() };
  window.__probe = probe;
  const opened = new Promise((resolve) => {
    const use = (channel) => {
      channel.binaryType = 'arraybuffer';
      probe.channel = channel;
      channel.onmessage = (e) => {
        const at = performance.timeOrigin + performance.now();
        const seq = new DataView(e.data).getUint32(0);
        probe.arrivals.set(seq, at);
        probe.waiters.get(seq)?.(at);
      };
      if (channel.readyState === 'open') resolve();
      else channel.onopen = () => resolve();
    };
    if (initiator) use(pc.createDataChannel('probe'));
    else pc.ondatachannel = (e) => use(e.channel);
  });
  probe.opened = opened;
  probe.wait = (seq) =>
    new Promise((resolve) => {
      if (probe.arrivals.has(seq)) return resolve(probe.arrivals.get(seq));
      const timer = setTimeout(() => resolve(null), 10_000);
      probe.waiters.set(seq, (at) => {
        clearTimeout(timer);
        resolve(at);
      });
    });
  probe.send = (seq, size) => {
    const bytes = new Uint8Array(Math.max(4, size));
    new DataView(bytes.buffer).setUint32(0, seq);
    const at = performance.timeOrigin + performance.now();
    probe.channel.send(bytes);
    return at;
  };
  probe.describe = async (remote) => {
    if (remote) await pc.setRemoteDescription(remote);
    await pc.setLocalDescription(remote ? await pc.createAnswer() : await pc.createOffer());
    // Whole candidates in the description: the harness passes it once (no trickle).
    if (pc.iceGatheringState !== 'complete')
      await new Promise((resolve) =>
        pc.addEventListener('icegatheringstatechange', () => {
          if (pc.iceGatheringState === 'complete') resolve();
        }),
      );
    return pc.localDescription.toJSON();
  };
}
