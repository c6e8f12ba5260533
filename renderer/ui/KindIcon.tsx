import { CARD_KIND_INFO, type CardKind } from '../../shared/model';

/**
 * A card kind's icon in its accent colour. Decorative: the kind's name is always written next to
 * it, so meaning never rests on the icon or the colour alone.
 */
export function KindIcon({ kind, size = '1.25rem' }: { kind: CardKind; size?: string }) {
  const info = CARD_KIND_INFO[kind];
  return (
    <svg
      className="kind-icon"
      viewBox="0 0 24 24"
      width={size}
      height={size}
      aria-hidden="true"
      focusable="false"
    >
      <path d={info.icon} fill={info.accent} />
    </svg>
  );
}

/** A swatch showing a kind's card colour with its icon, as the palette and chooser show it. */
export function KindSwatch({ kind }: { kind: CardKind }) {
  const info = CARD_KIND_INFO[kind];
  return (
    <span
      className="kind-swatch"
      style={{ background: info.fill, borderColor: info.accent }}
      aria-hidden="true"
    >
      <KindIcon kind={kind} />
    </span>
  );
}
