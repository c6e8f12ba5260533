/**
 * Payloads of the workshop-file channels (issue #3), declared with zod so main validates what the
 * untrusted renderer sends and the preload validates what main answers. contract.ts wires them to
 * channel names; renderer/platform/storage-types.ts gives the renderer the same types.
 *
 * The renderer never holds a file-system path. An open workshop is an opaque `handle` that main
 * issued to that window only; recent files are opened by an id main chose; a dropped file's path
 * is looked up and sent by the preload, never by the page.
 */
import { z } from 'zod';
import type { StorageErrorCode } from '../storage/volume';
import { TITLE_LIMIT } from '../model/records';

/** Every StorageErrorCode, as a value for zod; the check below fails to compile if one is missing. */
const STORAGE_ERROR_CODES = [
  'not-found',
  'permission-denied',
  'disk-full',
  'is-directory',
  'exists',
  'read-only-volume',
  'io',
] as const satisfies readonly StorageErrorCode[];
type MissingCode = Exclude<StorageErrorCode, (typeof STORAGE_ERROR_CODES)[number]>;
const everyCodeListed: [MissingCode] extends [never] ? true : MissingCode = true;
void everyCodeListed;

/** One Yjs update from the renderer. Far above any single edit; bulk imports stay below it. */
export const MAX_RECORD_BYTES = 8 * 1024 * 1024;
/**
 * A joined live session's whole state (createFromState). The joiner's document arrived as one
 * sync message, and the sync layer accepts no message or update over 32 MiB (shared/sync:
 * DEFAULT_UPDATE_LIMITS, DEFAULT_CHUNK_LIMITS), so a real joined workshop is within it (10k cards
 * are about 4 MiB: docs/benchmarks.md). Anything larger did not come from a session and would only
 * tie up memory and disk.
 */
export const MAX_JOINED_STATE_BYTES = 32 * 1024 * 1024;
/** Same ceiling as the storage engine's MAX_WORKSHOP_BYTES: a whole workshop's state. */
export const MAX_STATE_BYTES = 512 * 1024 * 1024;
const MAX_NAME_LENGTH = 120;
const MAX_MESSAGE_LENGTH = 1000;
const MAX_PATH_LENGTH = 4096;

/** Bytes cross IPC as Uint8Array (structured clone keeps typed arrays). */
const bytes = (max: number) =>
  z.custom<Uint8Array>((value) => value instanceof Uint8Array && value.byteLength <= max, {
    message: `Expected a Uint8Array of at most ${max} bytes`,
  });

/** 128 random bits, hex. Guessing another window's handle is not a way in: main checks ownership too. */
export const WorkshopHandleSchema = z.string().regex(/^[0-9a-f]{32}$/, 'Not a workshop handle');
export type WorkshopHandle = z.infer<typeof WorkshopHandleSchema>;

export const RecentIdSchema = z.string().regex(/^[0-9a-f]{16}$/, 'Not a recent-file id');
export type RecentId = z.infer<typeof RecentIdSchema>;

/** Snapshot ids as the history store writes them (time, dash, random). */
export const SnapshotIdSchema = z.string().regex(/^[0-9a-z-]{1,64}$/, 'Not a snapshot id');

const text = (max: number) => z.string().max(max);

/**
 * A workshop's file name as people see and type it, without folder or extension. Characters that
 * no file system accepts, or that would reach another folder, are refused rather than rewritten, so
 * the name on disk is exactly the name typed.
 */
export const WorkshopNameSchema = z
  .string()
  .trim()
  .min(1, 'A name needs at least one character')
  .max(MAX_NAME_LENGTH)
  .regex(/^[^\p{Cc}/\\:*?"<>|]+$/u, 'A name cannot contain / \\ : * ? " < > | or control characters')
  .refine((name) => !name.startsWith('.') && !name.endsWith('.'), 'A name cannot start or end with a dot');

/** Mirrors the engine's SaveState (shared/storage/autosave.ts). */
export const SaveStateSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('saved'), savedAt: z.number().finite().nonnegative() }),
  z.object({ kind: z.literal('unsaved') }),
  z.object({ kind: z.literal('saving') }),
  z.object({
    kind: z.literal('failing'),
    code: z.enum(STORAGE_ERROR_CODES),
    message: text(MAX_MESSAGE_LENGTH),
    retryInMs: z.number().int().nonnegative(),
  }),
  z.object({ kind: z.literal('read-only'), reason: text(MAX_MESSAGE_LENGTH) }),
]);
export type SaveStateView = z.infer<typeof SaveStateSchema>;

/**
 * Why a file could not be opened, created, renamed or saved elsewhere. `message` is the engine's
 * plain sentence (describeOpenProblem, describeStorageFailure); `code` lets the UI pick a next step
 * (e.g. offer to forget a recent entry whose file is gone).
 */
export const FILE_PROBLEM_CODES = [
  'not-dreamboard',
  'damaged',
  'newer-format',
  'too-large',
  'not-found',
  'permission-denied',
  'disk-full',
  'exists',
  'read-only',
  'io',
  'save-failed',
] as const;
export const FileProblemSchema = z.object({
  code: z.enum(FILE_PROBLEM_CODES),
  message: text(MAX_MESSAGE_LENGTH),
});
export type FileProblem = z.infer<typeof FileProblemSchema>;

export const OpenedWorkshopSchema = z.object({
  handle: WorkshopHandleSchema,
  /** File name without folder or extension: the title bar and "Rename" start from it. */
  name: text(255),
  /** The whole document as one Yjs update: apply it with the load origin, then send every later update to `record`. */
  state: bytes(MAX_STATE_BYTES),
  saveState: SaveStateSchema,
  /** Non-null: show the workshop, refuse edits, and say this (newer version, locked elsewhere, no permission). */
  readOnlyReason: text(MAX_MESSAGE_LENGTH).nullable(),
  /** Non-null: a damaged end was left out on opening; say so once (describeRecovery's words). */
  recoveryMessage: text(MAX_MESSAGE_LENGTH).nullable(),
  /** Temporary files a crash left beside the workshop and that opening removed (for a log line or notice). */
  removedTemporaries: z.number().int().nonnegative(),
});
export type OpenedWorkshopInfo = z.infer<typeof OpenedWorkshopSchema>;

/**
 * What opening or creating did. `elsewhere`: the workshop is shown in another window (it was
 * already open there, or this window already shows a workshop so a new window was made).
 */
export const OpenOutcomeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('opened'), workshop: OpenedWorkshopSchema }),
  z.object({ kind: z.literal('elsewhere') }),
  z.object({ kind: z.literal('cancelled') }),
  z.object({ kind: z.literal('problem'), problem: FileProblemSchema }),
]);
export type OpenOutcome = z.infer<typeof OpenOutcomeSchema>;

/** The new name after Save As or Rename, or why not. */
export const NameOutcomeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('done'), name: text(255) }),
  z.object({ kind: z.literal('cancelled') }),
  z.object({ kind: z.literal('problem'), problem: FileProblemSchema }),
]);
export type NameOutcome = z.infer<typeof NameOutcomeSchema>;

/** `problem`: the final save failed; the workshop stays open and nothing is lost. */
export const CloseOutcomeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('closed') }),
  z.object({ kind: z.literal('problem'), problem: FileProblemSchema }),
]);
export type CloseOutcome = z.infer<typeof CloseOutcomeSchema>;

export const RecentEntrySchema = z.object({
  id: RecentIdSchema,
  name: text(255),
  /** The folder for people to recognise ("~/Documents/Dreamboard"); never sent back. */
  folder: text(MAX_PATH_LENGTH),
  openedAt: z.number().finite().nonnegative(),
  /** From the file's summary record (readWorkshopSummary), when the platform read it: for the start screen. */
  title: text(200).optional(),
  cards: z.number().int().nonnegative().optional(),
  /** When the file last changed, ms since the epoch. */
  changedAt: z.number().finite().nonnegative().optional(),
  /** Why the file cannot be opened (describeOpenProblem's words); shown instead of its details. */
  problem: text(MAX_MESSAGE_LENGTH).optional(),
});
export type RecentEntry = z.infer<typeof RecentEntrySchema>;

export const HistoryEntrySchema = z.object({
  id: SnapshotIdSchema,
  takenAt: z.number().finite().nonnegative(),
  title: text(200),
  cards: z.number().int().nonnegative(),
  cardsAdded: z.number().int().nonnegative(),
  cardsRemoved: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

export const HistoryLoadOutcomeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('loaded'), state: bytes(MAX_STATE_BYTES) }),
  z.object({ kind: z.literal('problem'), problem: FileProblemSchema }),
]);
export type HistoryLoadOutcome = z.infer<typeof HistoryLoadOutcomeSchema>;

// Requests ---------------------------------------------------------------------------------------

export const CreateWorkshopRequestSchema = z.object({
  templateId: z.string().regex(/^[a-z0-9-]{1,64}$/, 'Not a template id'),
  /** Title of the workshop and of its file; the template's title when absent. */
  title: WorkshopNameSchema.optional(),
});
export const HandleRequestSchema = z.object({ handle: WorkshopHandleSchema });
/**
 * A joined live session's workshop saved as this person's own file. `state` came from peers: main
 * applies it into a fresh document before writing (joined-state.ts). `title` is the document's
 * own, so any text; main makes the file name from it.
 */
export const CreateFromStateRequestSchema = z.object({
  state: bytes(MAX_JOINED_STATE_BYTES),
  title: text(TITLE_LIMIT),
});
export const RecordRequestSchema = z.object({
  handle: WorkshopHandleSchema,
  update: bytes(MAX_RECORD_BYTES),
});
export const RenameRequestSchema = z.object({ handle: WorkshopHandleSchema, name: WorkshopNameSchema });
export const RecentRequestSchema = z.object({ id: RecentIdSchema });
export const LoadHistoryRequestSchema = z.object({ handle: WorkshopHandleSchema, id: SnapshotIdSchema });
/**
 * Sent by the preload (from webUtils.getPathForFile), never by the page. Main still checks it is an
 * absolute path to a regular `.dreamboard` file: a compromised preload must not read other files.
 */
export const OpenPathRequestSchema = z.object({
  path: z
    .string()
    .min(1)
    .max(MAX_PATH_LENGTH)
    .regex(/^[^\0]*$/, 'A path cannot contain a null byte'),
});
export const FlushAckSchema = z.object({ token: z.string().regex(/^[0-9a-f]{16}$/) });

// Events -----------------------------------------------------------------------------------------

export const SaveStateEventSchema = z.object({ handle: WorkshopHandleSchema, state: SaveStateSchema });
export type SaveStateEvent = z.infer<typeof SaveStateEventSchema>;
