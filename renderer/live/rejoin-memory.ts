import { z } from 'zod';
import type { SettingsStorage } from './live-settings';

/**
 * Which live sessions this computer's copies came from, so that joining a session again — also
 * after the app was restarted and the copy reopened from the recent list — merges into that copy
 * instead of making a second one (with the work done apart stranded in the first).
 *
 * A copy is recognised by content, not by name: we remember some Yjs client ids that were in the
 * document when it was joined or hosted (random 32-bit numbers of the people who wrote it). A
 * workshop that merely has the same file name never contains them, so an unrelated workshop is
 * never pushed into someone else's session. Only room names (one-way hashes of the secret) are
 * kept, never the secret or the code.
 */

const KEY = 'dreamboard.live.rooms.v1';
/** Sessions remembered; the oldest are forgotten first. */
const MAX_ROOMS = 50;
/** Client ids kept per session: enough to recognise the copy, few enough to stay small. */
const MAX_CLIENTS = 16;

const memorySchema = z.record(
  z.string().min(1).max(100),
  z.object({
    clients: z.array(z.number().int().nonnegative()).min(1).max(MAX_CLIENTS),
    at: z.number().finite(),
  }),
);
type Memory = z.infer<typeof memorySchema>;

function read(storage: SettingsStorage | null): Memory {
  try {
    const raw = storage?.getItem(KEY);
    if (!raw) return {};
    const parsed = memorySchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/**
 * Remembers that the document with this state vector (client id → clock) belongs to `roomName`.
 * The clients with the most history are kept: they are the ones every later copy contains.
 */
export function rememberRoom(
  storage: SettingsStorage | null,
  roomName: string,
  stateVector: ReadonlyMap<number, number>,
  now: number,
): void {
  const clients = [...stateVector.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_CLIENTS)
    .map(([client]) => client);
  if (clients.length === 0) return;
  const memory = read(storage);
  memory[roomName] = { clients, at: now };
  const kept = Object.entries(memory)
    .sort((a, b) => b[1].at - a[1].at)
    .slice(0, MAX_ROOMS);
  try {
    storage?.setItem(KEY, JSON.stringify(Object.fromEntries(kept)));
  } catch {
    // Not remembered: rejoining after a restart makes a new copy, nothing is lost.
  }
}

/** Whether a document with this state vector is a copy of the session `roomName`. */
export function isCopyOfRoom(
  storage: SettingsStorage | null,
  roomName: string,
  stateVector: ReadonlyMap<number, number>,
): boolean {
  const entry = read(storage)[roomName];
  return entry !== undefined && entry.clients.every((client) => stateVector.has(client));
}
