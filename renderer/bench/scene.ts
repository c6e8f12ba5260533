import * as Y from 'yjs';
import { createCards, createConnector, createFrame, transact, zKeysBetween } from '../../shared/doc';
import { CARD_KINDS, CONNECTOR_KINDS, type CardId, type FrameId } from '../../shared/model';
import { seededRandom } from '../../shared/util/seeded-random';

/**
 * Deterministic benchmark scenes: `cards` cards spread over a grid of frames, with one connector
 * for every four cards. The same generator feeds the app and the plain-Konva baseline.
 */
export interface SceneSpec {
  readonly cards: number;
  readonly seed?: number;
}

const WORDS =
  'safe home support family trust money housing advice quick kind local friend warm listen help time change work'.split(
    ' ',
  );

export function buildSceneDoc(spec: SceneSpec): Y.Doc {
  const rand = seededRandom(spec.seed ?? 42);
  const doc = new Y.Doc();
  const perFrame = 100;
  const frameCount = Math.ceil(spec.cards / perFrame);
  const cols = Math.ceil(Math.sqrt(frameCount));
  const frameW = 10 * 224 + 24;
  const frameH = 10 * 144 + 56;
  const author = { participantId: 'bench', role: null };
  transact(
    doc,
    () => {
      const frames: FrameId[] = [];
      for (let f = 0; f < frameCount; f++) {
        const fx = (f % cols) * (frameW + 200);
        const fy = Math.floor(f / cols) * (frameH + 200);
        frames.push(
          createFrame(doc, { title: `Area ${f + 1}`, x: fx, y: fy, w: frameW, h: frameH }, 'dreamboard:load'),
        );
      }
      const keys = zKeysBetween(null, null, spec.cards);
      const ids: CardId[] = createCards(
        doc,
        Array.from({ length: spec.cards }, (_, i) => {
          const f = Math.floor(i / perFrame);
          const slot = i % perFrame;
          const text = Array.from(
            { length: 3 + Math.floor(rand() * 8) },
            () => WORDS[Math.floor(rand() * WORDS.length)],
          ).join(' ');
          return {
            kind: CARD_KINDS[Math.floor(rand() * CARD_KINDS.length)]!,
            x: (f % cols) * (frameW + 200) + 24 + (slot % 10) * 224,
            y: Math.floor(f / cols) * (frameH + 200) + 56 + Math.floor(slot / 10) * 144,
            text,
            frame: frames[f]!,
            z: keys[i]!,
          };
        }),
        author,
        'dreamboard:load',
      );
      for (let i = 0; i + 1 < ids.length; i += 4) {
        createConnector(
          doc,
          {
            from: ids[i]!,
            to: ids[i + 1 + Math.floor(rand() * 2)] ?? ids[i + 1]!,
            kind: CONNECTOR_KINDS[i % CONNECTOR_KINDS.length]!,
          },
          'dreamboard:load',
        );
      }
    },
    'dreamboard:load',
  );
  return doc;
}
