/**
 * Who gets a document update. Stock y-webrtc sends every update the document emits to every
 * connected peer, including updates that just arrived from a peer, so in a full mesh of N each
 * edit costs N·(N−1) messages. The rule here:
 *
 *   A local change goes to every neighbour. An update received from neighbour F is forwarded
 *   only to neighbours that are not themselves linked to F (F has already sent it to those).
 *
 * In a full mesh that forwards nothing (N−1 messages per edit). In a star (the facilitator as
 * hub) the hub forwards a participant's edit to the other participants and participants
 * forward nothing (N−1 per edit, over N−1 connections instead of N(N−1)/2). On any other graph
 * it floods, and loops die out because only the NOVEL part of an update is relayed: Yjs emits
 * nothing for content the document already has. A message lost on the way is repaired by
 * anti-entropy, not by relaying.
 */

/** What this peer knows of the room's links. Unknown links are taken as absent, which only costs extra messages. */
export interface LinkView {
  /** Peers this peer has an open data channel to. */
  readonly neighbours: ReadonlySet<string>;
  /** Whether `a` and `b` are directly linked, as far as this peer knows (e.g. from presence). */
  linked(a: string, b: string): boolean;
}

/**
 * The peers to send an update to. `from` is the neighbour it arrived from, or null for a change
 * made here (by the user, a migration, a template load: any origin that is not a peer).
 */
export function relayTargets(view: LinkView, from: string | null): string[] {
  const out: string[] = [];
  for (const n of view.neighbours) {
    if (from === null) out.push(n);
    else if (n !== from && !view.linked(from, n)) out.push(n);
  }
  return out;
}

/** A LinkView over an explicit undirected edge list (simulations, tests, a provider's peer table). */
export function linkViewOf(self: string, edges: Iterable<readonly [string, string]>): LinkView {
  const adjacency = new Map<string, Set<string>>();
  const add = (a: string, b: string) => {
    let s = adjacency.get(a);
    if (!s) adjacency.set(a, (s = new Set()));
    s.add(b);
  };
  for (const [a, b] of edges) {
    add(a, b);
    add(b, a);
  }
  return {
    neighbours: adjacency.get(self) ?? new Set(),
    linked: (a, b) => adjacency.get(a)?.has(b) ?? false,
  };
}

export type Topology = 'mesh' | 'star';

/** Edges of a full mesh, or of a star around the first peer (the facilitator). */
export function topologyEdges(peers: readonly string[], topology: Topology): [string, string][] {
  const edges: [string, string][] = [];
  for (let i = 0; i < peers.length; i++) {
    for (let j = i + 1; j < peers.length; j++) {
      if (topology === 'mesh' || i === 0) edges.push([peers[i]!, peers[j]!]);
    }
  }
  return edges;
}
