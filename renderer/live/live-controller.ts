import { Store } from '../editor/store';
import type { Platform } from '../platform/types';
import type { WorkshopFiles } from '../ui/files/workshop-files';
import type {
  HostOptions,
  JoinRequest,
  LiveController,
  LiveIdentity,
  LiveState,
  LocalPresencePatch,
} from './types';

export interface LiveControllerDeps {
  readonly platform: Platform;
  readonly files: WorkshopFiles;
}

const IDLE: LiveState = { status: 'off', session: null, participants: [], problem: null, busy: false };

/** Work in progress (lead): the provider wiring lands next. */
export function createLiveController(deps: LiveControllerDeps): LiveController {
  void deps;
  const store = new Store<LiveState>(IDLE);
  return {
    store,
    host: async (_options: HostOptions, _identity: LiveIdentity) => {},
    join: async (_request: JoinRequest) => {},
    leave: async () => {},
    setLocalPresence: (_patch: LocalPresencePatch) => {},
    dismissProblem: () => store.set({ problem: null }),
  };
}
