/**
 * The live-session half of DesktopApi as main would answer it: answers are set by the test, calls
 * recorded, and main's join-link event fired by hand.
 */
import type { DesktopApi, IpcResult } from '../../../../shared/ipc/contract';
import type { RoomServerOutcome } from '../../../../shared/ipc/live-schemas';

export type LiveMethods = 'startRoomServer' | 'stopRoomServer' | 'takeJoinLinks' | 'onJoinLinkRequested';

export function fakeLiveApi() {
  const calls: [string, ...unknown[]][] = [];
  const waitingLinks: string[] = [];
  const listeners = new Set<() => void>();
  let startAnswer: IpcResult<RoomServerOutcome> | Error = {
    ok: true,
    value: { ok: true, port: 4444, hosts: ['192.168.1.20'] },
  };
  let takeAnswer: IpcResult<string[]> | null = null;

  const api = {
    startRoomServer: (port: number) => {
      calls.push(['startRoomServer', port]);
      return startAnswer instanceof Error ? Promise.reject(startAnswer) : Promise.resolve(startAnswer);
    },
    stopRoomServer: () => {
      calls.push(['stopRoomServer']);
      return Promise.resolve({ ok: true as const, value: null });
    },
    takeJoinLinks: () => {
      calls.push(['takeJoinLinks']);
      if (takeAnswer !== null) return Promise.resolve(takeAnswer);
      return Promise.resolve({ ok: true as const, value: waitingLinks.splice(0) });
    },
    onJoinLinkRequested: (listener: () => void) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  } satisfies Pick<DesktopApi, LiveMethods>;

  return {
    api,
    calls,
    answerStart(answer: IpcResult<RoomServerOutcome> | Error) {
      startAnswer = answer;
    },
    answerTake(answer: IpcResult<string[]> | null) {
      takeAnswer = answer;
    },
    /** Main received a link for this window and pokes the page. */
    sendLink(link: string) {
      waitingLinks.push(link);
      for (const listener of [...listeners]) listener();
    },
    /** A link main held before the page loaded. */
    holdLink(link: string) {
      waitingLinks.push(link);
    },
  };
}
