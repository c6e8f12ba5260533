import * as Y from 'yjs';
import {
  createCard,
  createConnector,
  createFrame,
  DocumentIndex,
  rootMaps,
  transact,
  updateMeta,
  type Author,
  type DocSnapshot,
  type NewCard,
} from '../../../../shared/doc';
import type { CardId, ConnectorKind, FrameId } from '../../../../shared/model';
import { applyTemplate } from '../../../../shared/templates';

/** Fixed clock so plans and files made from fixtures are byte-for-byte repeatable. */
export const FIXTURE_NOW = Date.UTC(2025, 2, 14, 10, 30);

const resident: Author = { participantId: 'p-resident-1', role: 'lived-experience' };
const worker: Author = { participantId: 'p-worker-1', role: 'frontline' };
const commissioner: Author = { participantId: 'p-comm-1', role: 'commissioner' };

export function snapshotOf(doc: Y.Doc): DocSnapshot {
  const index = new DocumentIndex(doc);
  const snapshot = index.getSnapshot();
  index.destroy();
  return snapshot;
}

export function templateWorkshop(templateId: string): { doc: Y.Doc; snapshot: DocSnapshot } {
  const doc = new Y.Doc();
  applyTemplate(doc, templateId, { now: FIXTURE_NOW });
  return { doc, snapshot: snapshotOf(doc) };
}

export interface RichWorkshop {
  readonly doc: Y.Doc;
  readonly snapshot: DocSnapshot;
  readonly frames: Record<'today' | 'dream' | 'partners' | 'parking', FrameId>;
  readonly cards: Record<string, CardId>;
}

/**
 * A workshop with every kind, fields filled and left empty, each connector kind, a consented
 * and an unconsented voice, Welsh and accented text, and one record of each collection that
 * fails validation (so exports must leave it out and say so).
 */
export function richWorkshop(): RichWorkshop {
  const doc = new Y.Doc();
  const frames = {
    today: createFrame(doc, {
      id: 'frameToday' as FrameId,
      title: 'Today: what happens now',
      x: 0,
      y: 0,
      w: 1400,
      h: 700,
    }),
    dream: createFrame(doc, {
      id: 'frameDream' as FrameId,
      title: 'The dream',
      x: 0,
      y: 800,
      w: 1400,
      h: 700,
    }),
    partners: createFrame(doc, {
      id: 'framePartners' as FrameId,
      title: 'Partners',
      x: 1500,
      y: 0,
      w: 900,
      h: 700,
    }),
    parking: createFrame(doc, {
      id: 'frameParking' as FrameId,
      title: 'Parking lot',
      x: 1500,
      y: 800,
      w: 900,
      h: 700,
    }),
  };
  const cards: Record<string, CardId> = {};
  const origin: Record<string, { x: number; y: number }> = {
    [frames.today]: { x: 0, y: 0 },
    [frames.dream]: { x: 0, y: 800 },
    [frames.partners]: { x: 1500, y: 0 },
    [frames.parking]: { x: 1500, y: 800 },
  };
  /** Card positions below are relative to their frame's corner. */
  const add = (name: string, author: Author, card: NewCard) => {
    const at = card.frame ? origin[card.frame]! : { x: 0, y: 0 };
    cards[name] = createCard(
      doc,
      { ...card, x: card.x + at.x, y: card.y + at.y, id: `card_${name}` as CardId },
      author,
    );
  };
  updateMeta(doc, {
    schemaVersion: 1,
    title: 'Cymorth i bobl ifanc — Ceredigion',
    context: 'Re-commissioning youth homelessness support in Ceredigion from April 2026.',
    createdAt: FIXTURE_NOW - 86_400_000,
    template: 'dream-service-model',
  });
  add('needToday', resident, {
    kind: 'need',
    x: 40,
    y: 80,
    frame: frames.today,
    text: 'Somewhere safe to stay the same night',
    fields: { whose: 'lived-experience', evidence: 'lived-experience' },
  });
  add('voiceYes', resident, {
    kind: 'person',
    x: 300,
    y: 80,
    frame: frames.today,
    text: 'I told my story five times before anyone helped.',
    fields: { role: 'lived-experience', consent: 'yes' },
  });
  add('voiceNo', resident, {
    kind: 'person',
    x: 560,
    y: 80,
    frame: frames.today,
    text: 'SECRET-WORDS my landlord shouted at me',
    fields: { role: 'lived-experience', consent: 'not-asked' },
  });
  add('serviceToday', worker, {
    kind: 'service',
    x: 820,
    y: 80,
    frame: frames.today,
    text: 'Housing options triage by phone',
  });
  add('barrierAge', worker, {
    kind: 'barrier',
    x: 40,
    y: 300,
    frame: frames.today,
    text: 'Must be 18 or over to get a key worker',
    fields: { isThreshold: true, proposal: 'test-removing' },
  });
  add('barrierForms', worker, {
    kind: 'barrier',
    x: 300,
    y: 300,
    frame: frames.today,
    text: 'Forms only in English',
  });
  add('barrierWaits', worker, {
    kind: 'barrier',
    x: 560,
    y: 300,
    frame: frames.today,
    text: 'Long waits for a first visit',
  });
  add('welshService', commissioner, {
    kind: 'service',
    x: 40,
    y: 80,
    frame: frames.dream,
    text: 'Gwasanaeth cymorth ŵyr',
    fields: { purpose: 'Cymorth wyneb yn wyneb, yn Gymraeg — â chroeso ŷ' },
  });
  add('outcomeSafe', commissioner, {
    kind: 'outcome',
    x: 300,
    y: 80,
    frame: frames.dream,
    text: 'Young people feel safe and settled',
    fields: { horizon: 'medium', indicator: 'Fewer repeat presentations' },
  });
  add('outcomeOrphan', commissioner, {
    kind: 'outcome',
    x: 560,
    y: 80,
    frame: frames.dream,
    text: 'Families reconnect',
  });
  add('dreamNote', resident, {
    kind: 'note',
    x: 820,
    y: 80,
    frame: frames.dream,
    text: 'One worker who knows me, not a queue',
  });
  add('strength', resident, {
    kind: 'strength',
    x: 40,
    y: 300,
    frame: frames.dream,
    text: 'Youth club in Aberaeron',
    fields: { assetCategory: 'association' },
  });
  add('learningDated', worker, {
    kind: 'learning',
    x: 300,
    y: 300,
    frame: frames.dream,
    text: 'Drop the age rule for 16–17s in one town',
    fields: {
      watch: 'Repeat presentations',
      reviewDate: '2026-01-15',
      owner: 'Service manager',
      status: 'planned',
    },
  });
  add('learningUndated', worker, {
    kind: 'learning',
    x: 560,
    y: 300,
    frame: frames.dream,
    text: 'Text-message check-ins',
  });
  add('partnerClub', commissioner, {
    kind: 'partner',
    x: 40,
    y: 80,
    frame: frames.partners,
    text: 'Clwb Ieuenctid',
    fields: { role: 'Drop-in host', brings: 'Trusted youth workers', commits: 'Two evenings a week' },
  });
  add('resourceGrant', commissioner, {
    kind: 'resource',
    x: 300,
    y: 80,
    frame: frames.partners,
    text: 'Housing Support Grant',
    fields: { amount: '£40,000 a year', source: 'Welsh Government' },
  });
  add('actionOwned', commissioner, {
    kind: 'action',
    x: 40,
    y: 80,
    frame: frames.parking,
    text: 'Draft the prototype brief',
    fields: { owner: 'Commissioner', due: '2025-04-01' },
  });
  add('actionOrphan', worker, {
    kind: 'action',
    x: 300,
    y: 80,
    frame: frames.parking,
    text: 'Book the youth club room',
  });
  add('parkedNote', worker, {
    kind: 'note',
    x: 560,
    y: 80,
    frame: frames.parking,
    text: 'Ask about transport costs — café Llanbedr',
  });
  add('looseNote', worker, { kind: 'note', x: 2600, y: 100, text: 'Noted: résumé of the naïve façade' });
  add('consentNo', worker, {
    kind: 'need',
    x: 2600,
    y: 300,
    text: 'PRIVATE-NEED do not share',
    fields: { consent: 'no' },
  });

  const link = (from: string, to: string, kind: ConnectorKind, label = '') =>
    createConnector(doc, {
      id: `conn_${from}_${to}` as never,
      from: cards[from]!,
      to: cards[to]!,
      kind,
      label,
    });
  link('welshService', 'outcomeSafe', 'contributes-to');
  link('partnerClub', 'barrierForms', 'mitigates', 'Welsh-speaking staff');
  link('resourceGrant', 'welshService', 'funds');
  link('learningDated', 'barrierAge', 'tests');
  link('serviceToday', 'needToday', 'blocks');
  link('welshService', 'partnerClub', 'depends-on');
  link('dreamNote', 'needToday', 'refers-to', 'what people asked for');

  // Records that fail validation: a peer or an older build wrote them. Exports must skip and list them.
  transact(doc, () => {
    const { cards: cardMap, frames: frameMap, connectors } = rootMaps(doc);
    // The writer stamps the wall clock; a fixed one keeps the content hash repeatable.
    for (const record of cardMap.values()) record.set('createdAt', FIXTURE_NOW);
    const broken = new Y.Map<unknown>();
    broken.set('id', 'card_broken');
    broken.set('kind', 'spaceship');
    broken.set('x', 0);
    broken.set('y', 0);
    broken.set('z', 'a0');
    cardMap.set('card_broken', broken);
    const badFrame = new Y.Map<unknown>();
    badFrame.set('id', 'frame_bad');
    badFrame.set('x', Number.NaN);
    frameMap.set('frame_bad', badFrame);
    const dangling = new Y.Map<unknown>();
    for (const [k, v] of Object.entries({
      id: 'conn_dangling',
      from: cards['needToday']!,
      to: 'card_missing',
      kind: 'tests',
      label: '',
    }))
      dangling.set(k, v);
    connectors.set('conn_dangling', dangling);
  });
  return { doc, snapshot: snapshotOf(doc), frames, cards };
}
