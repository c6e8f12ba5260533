import type { Card, CardId, Connector, ConnectorKind } from '../model';
import { exportableText } from './consent';
import type { CardMention } from './plan-schema';

/** Connectors looked up by the card they point at, per kind: "what contributes to this outcome". */
export class LinkIndex {
  private readonly incoming = new Map<string, Connector[]>();
  private readonly outgoing = new Map<string, Connector[]>();

  constructor(
    connectors: Iterable<Connector>,
    private readonly cards: ReadonlyMap<CardId, Card>,
  ) {
    for (const c of connectors) {
      push(this.incoming, `${c.kind}>${c.to}`, c);
      push(this.outgoing, `${c.kind}>${c.from}`, c);
    }
  }

  /** Cards linked to `card` by a connector of `kind` pointing at it. */
  sourcesOf(card: CardId, kind: ConnectorKind): CardMention[] {
    return this.mentions((this.incoming.get(`${kind}>${card}`) ?? []).map((c) => c.from));
  }

  /** Cards `card` points at with a connector of `kind`. */
  targetsOf(card: CardId, kind: ConnectorKind): CardMention[] {
    return this.mentions((this.outgoing.get(`${kind}>${card}`) ?? []).map((c) => c.to));
  }

  mention(id: CardId): CardMention | null {
    const card = this.cards.get(id);
    return card ? { cardId: card.id, kind: card.kind, text: exportableText(card) } : null;
  }

  private mentions(ids: readonly CardId[]): CardMention[] {
    const seen = new Set<string>();
    const out: CardMention[] = [];
    for (const id of ids) {
      if (seen.has(id)) continue;
      seen.add(id);
      const m = this.mention(id);
      if (m) out.push(m);
    }
    return out;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
