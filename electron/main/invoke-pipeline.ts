/**
 * One invoke, from raw arguments to the result returned to the renderer: sender check, request
 * validation, handler, response validation. Pure so every rejection path is unit-tested; ipc.ts
 * only supplies the facts from Electron's event.
 */
import type { InvokeChannel, IpcResult, RequestOf, ResponseOf } from '../../shared/ipc/contract';
import { checkRequest, checkResponse, ipcFailure } from '../../shared/ipc/validate';
import type { SenderVerdict } from './sender-check';

export type InvokeHandler<C extends InvokeChannel, Context> = (
  request: RequestOf<C>,
  context: Context,
) => ResponseOf<C> | Promise<ResponseOf<C>>;

export type IpcLog = (message: string) => void;

/**
 * Thrown by a handler that understood the request but will not do it (e.g. a link main's policy
 * refuses). The renderer gets `invalid-request` with this message; other errors become `failed`.
 */
export class RequestRefusedError extends Error {
  override readonly name = 'RequestRefusedError';
}

export async function runInvoke<C extends InvokeChannel, Context>(
  channel: C,
  args: readonly unknown[],
  sender: SenderVerdict,
  context: Context,
  handler: InvokeHandler<C, Context>,
  log: IpcLog,
): Promise<IpcResult<ResponseOf<C>>> {
  if (!sender.trusted) {
    log(`IPC ${channel} refused: ${sender.reason}`);
    return ipcFailure('untrusted-sender', `${channel} refused: the sender is not trusted`);
  }
  const request = checkRequest(channel, args);
  if (!request.ok) {
    log(`IPC ${channel} refused: invalid request: ${request.message}`);
    return ipcFailure('invalid-request', `${channel}: ${request.message}`);
  }
  let raw: unknown;
  try {
    raw = await handler(request.value, context);
  } catch (error) {
    if (error instanceof RequestRefusedError) {
      log(`IPC ${channel} refused: ${error.message}`);
      return ipcFailure('invalid-request', `${channel}: ${error.message}`);
    }
    // The detail stays in main's log; the renderer gets a plain message without paths or stacks.
    log(`IPC ${channel} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return ipcFailure('failed', `${channel} failed`);
  }
  const response = checkResponse(channel, raw);
  if (!response.ok) {
    log(`IPC ${channel} produced an invalid response: ${response.message}`);
    return ipcFailure('invalid-response', `${channel} produced an invalid response`);
  }
  return { ok: true, value: response.value };
}
