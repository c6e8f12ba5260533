import { useEditorState, useSnapshot } from '../../app/hooks';
import { CardDetails } from './CardDetails';
import { ConnectorDetails, FrameDetails, MultiDetails, WorkshopDetails } from './OtherDetails';

const sameSet = (a: ReadonlySet<string>, b: ReadonlySet<string>) =>
  a === b || (a.size === b.size && [...a].every((x) => b.has(x)));

/** "Details": what is selected, editable with ordinary form controls. */
export function Inspector() {
  const selection = useEditorState((s) => s.selection, sameSet);
  const snapshot = useSnapshot();
  const ids = [...selection].filter(
    (id) =>
      snapshot.cards.has(id as never) ||
      snapshot.frames.has(id as never) ||
      snapshot.connectors.has(id as never),
  );
  if (ids.length === 0) return <WorkshopDetails />;
  if (ids.length > 1) return <MultiDetails ids={ids} />;
  const id = ids[0]!;
  const card = snapshot.cards.get(id as never);
  if (card) return <CardDetails key={card.id} card={card} />;
  const frame = snapshot.frames.get(id as never);
  if (frame) return <FrameDetails key={frame.id} frame={frame} />;
  const connector = snapshot.connectors.get(id as never);
  return connector ? <ConnectorDetails key={connector.id} connector={connector} /> : null;
}
