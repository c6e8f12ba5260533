/**
 * The only module that touches ipcMain (a lint rule forbids it elsewhere). Every invoke goes
 * through runInvoke: sender check, request validation, handler, response validation. Rejections
 * are logged here and answered with a typed error; nothing is thrown into Electron.
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { EventChannel, InvokeChannel, PayloadOf } from '../../shared/ipc/contract';
import { checkEventPayload } from '../../shared/ipc/validate';
import { runInvoke, type InvokeHandler } from './invoke-pipeline';
import { checkSender, type SenderFacts, type TrustedOrigin } from './sender-check';

export interface InvokeContext {
  /** The web contents that sent the request (already checked to be one of our windows). */
  readonly sender: WebContents;
}

export interface IpcConfig {
  readonly trustedOrigin: TrustedOrigin;
  readonly isOurWebContents: (contents: WebContents) => boolean;
}

export interface Ipc {
  handle<C extends InvokeChannel>(channel: C, handler: InvokeHandler<C, InvokeContext>): void;
  /** Sends a validated event to one of our windows; anything else is logged and dropped. */
  send<C extends EventChannel>(target: WebContents, channel: C, payload: PayloadOf<C>): void;
}

const logIpc = (message: string) => console.warn(`[ipc] ${message}`);

function senderFactsOf(
  event: IpcMainInvokeEvent,
  isOurWebContents: IpcConfig['isOurWebContents'],
): SenderFacts {
  const frame = event.senderFrame;
  return {
    frameUrl: frame?.url ?? null,
    isMainFrame: frame !== null && frame.parent === null && frame === event.sender.mainFrame,
    isOurWindow: isOurWebContents(event.sender),
  };
}

export function createIpc(config: IpcConfig): Ipc {
  return {
    handle(channel, handler) {
      ipcMain.handle(channel, (event, ...args: unknown[]) =>
        runInvoke(
          channel,
          args,
          checkSender(senderFactsOf(event, config.isOurWebContents), config.trustedOrigin),
          { sender: event.sender },
          handler,
          logIpc,
        ),
      );
    },
    send(target, channel, payload) {
      if (target.isDestroyed() || !config.isOurWebContents(target)) {
        logIpc(`${channel} not sent: target is not one of our windows`);
        return;
      }
      const checked = checkEventPayload(channel, payload);
      if (!checked.ok) {
        logIpc(`${channel} not sent: ${checked.message}`);
        return;
      }
      target.send(channel, checked.value);
    },
  };
}
