/**
 * Run-time checks of IPC traffic against the contract, shared by main (requests, responses) and
 * the preload (responses and event payloads). Pure: no Electron, so it is unit-tested under Node.
 */
import { z } from 'zod';
import {
  IPC_CHANNELS,
  IpcErrorSchema,
  type EventChannel,
  type InvokeChannel,
  type IpcError,
  type IpcErrorCode,
  type IpcResult,
  type PayloadOf,
  type RequestOf,
  type ResponseOf,
} from './contract';

export type Checked<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

const MAX_MESSAGE_LENGTH = 500;

/** A short, readable account of what was wrong, safe to log (never echoes the whole payload). */
function describe(error: z.ZodError): string {
  const text = z.prettifyError(error).replace(/\s+/g, ' ').trim();
  return text.length > MAX_MESSAGE_LENGTH ? `${text.slice(0, MAX_MESSAGE_LENGTH)}…` : text;
}

function check<T>(schema: z.ZodType, raw: unknown): Checked<T> {
  const parsed = schema.safeParse(raw);
  return parsed.success
    ? { ok: true, value: parsed.data as T }
    : { ok: false, message: describe(parsed.error) };
}

/**
 * Invoke arguments arrive as an array: channels take at most one argument, so anything longer is
 * a renderer that does not speak this contract.
 */
export function checkRequest<C extends InvokeChannel>(
  channel: C,
  args: readonly unknown[],
): Checked<RequestOf<C>> {
  if (args.length > 1)
    return { ok: false, message: `${channel} takes at most one argument, got ${args.length}` };
  return check(IPC_CHANNELS[channel].request, args[0]);
}

export function checkResponse<C extends InvokeChannel>(channel: C, raw: unknown): Checked<ResponseOf<C>> {
  return check(IPC_CHANNELS[channel].response, raw);
}

export function checkEventPayload<C extends EventChannel>(channel: C, raw: unknown): Checked<PayloadOf<C>> {
  return check(IPC_CHANNELS[channel].payload, raw);
}

export function ipcFailure(
  code: IpcErrorCode,
  message: string,
): { readonly ok: false; readonly error: IpcError } {
  return { ok: false, error: { code, message } };
}

/** Reads main's answer in the preload: either a valid response, a valid error, or `invalid-response`. */
export function readInvokeResult<C extends InvokeChannel>(
  channel: C,
  raw: unknown,
): IpcResult<ResponseOf<C>> {
  if (typeof raw === 'object' && raw !== null && 'ok' in raw) {
    if (raw.ok === true && 'value' in raw) {
      const response = checkResponse(channel, raw.value);
      if (response.ok) return response;
      return ipcFailure('invalid-response', `${channel}: ${response.message}`);
    }
    if (raw.ok === false && 'error' in raw) {
      const error = IpcErrorSchema.safeParse(raw.error);
      if (error.success) return { ok: false, error: error.data };
    }
  }
  return ipcFailure('invalid-response', `${channel}: main answered with something that is not an IPC result`);
}
