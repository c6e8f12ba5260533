import type { CardKind, RoleCategory } from './kinds';

/** Ids are random strings; branded so that a card id is never passed where a frame id is meant. */
export type CardId = string & { readonly __brand: 'CardId' };
export type FrameId = string & { readonly __brand: 'FrameId' };
export type ConnectorId = string & { readonly __brand: 'ConnectorId' };
export type ItemId = CardId | FrameId | ConnectorId;

/** Values of kind-specific fields; see `KIND_FIELDS`. Unknown keys are kept, not shown. */
export type FieldValues = Readonly<Record<string, string | boolean>>;

/** A card on the canvas. Positions are in world units (1 unit = 1 CSS pixel at zoom 1). */
export interface Card {
  readonly id: CardId;
  readonly kind: CardKind;
  /** Top-left corner. */
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  /** Z-order as a fractional index: cards sort by it; reordering writes one key, never an array move. */
  readonly z: string;
  /** What the card says. */
  readonly text: string;
  /** The frame the card belongs to (moves with it, gives it its plan section), or null. */
  readonly frame: FrameId | null;
  readonly fields: FieldValues;
  /** Provenance: an anonymous participant id, never a name. */
  readonly createdBy: string;
  readonly createdRole: RoleCategory | null;
  /** Milliseconds since the epoch. */
  readonly createdAt: number;
}

/** A titled area of the canvas, such as "Today" or "The dream". */
export interface Frame {
  readonly id: FrameId;
  readonly title: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  /** Frames sort among frames (always beneath cards) by this fractional index. */
  readonly z: string;
  /** Set by the facilitator so a template area cannot be moved or retitled by accident. */
  readonly locked: boolean;
}

export const CONNECTOR_KINDS = [
  'contributes-to',
  'depends-on',
  'funds',
  'blocks',
  'mitigates',
  'tests',
  'refers-to',
] as const;
export type ConnectorKind = (typeof CONNECTOR_KINDS)[number];

export const CONNECTOR_LABELS: Readonly<Record<ConnectorKind, string>> = {
  'contributes-to': 'contributes to',
  'depends-on': 'depends on',
  funds: 'funds',
  blocks: 'blocks',
  mitigates: 'mitigates',
  tests: 'tests',
  'refers-to': 'refers to',
};

/** Dash pattern per connector kind, so kinds differ by more than colour. */
export const CONNECTOR_DASH: Readonly<Record<ConnectorKind, readonly number[]>> = {
  'contributes-to': [],
  'depends-on': [8, 4],
  funds: [],
  blocks: [2, 4],
  mitigates: [12, 4, 2, 4],
  tests: [6, 6],
  'refers-to': [1, 5],
};

/** A directed link from one card to another. */
export interface Connector {
  readonly id: ConnectorId;
  readonly from: CardId;
  readonly to: CardId;
  readonly kind: ConnectorKind;
  /** Optional words shown on the line; empty when none. */
  readonly label: string;
}

/** Workshop-level facts. */
export interface Meta {
  /** The document schema version this workshop was last written with. */
  readonly schemaVersion: number;
  readonly title: string;
  /** Commissioning context: what service, which council, why now. */
  readonly context: string;
  readonly createdAt: number;
  /** Template id the workshop started from ("blank" when none). */
  readonly template: string;
}

export const CARD_SIZE = { w: 200, h: 120 } as const;
export const CARD_MIN = { w: 80, h: 60 } as const;
export const FRAME_MIN = { w: 160, h: 120 } as const;
/** Coordinates beyond this are treated as corrupt: no real workshop is 20 million pixels wide. */
export const COORD_LIMIT = 10_000_000;
export const SIZE_LIMIT = 100_000;
export const TEXT_LIMIT = 10_000;
export const FIELD_TEXT_LIMIT = 5_000;
export const TITLE_LIMIT = 200;
