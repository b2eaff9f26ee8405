/** The implementation of every IPC channel, typed from the contract. */
import type { ChannelName, ChannelOutput, ChannelParsedInput } from '../../domain/ipc/contract.ts';
import type { SessionManager } from '../session/session-manager.ts';
import type { SyncEngine } from '../sync/sync-engine.ts';
import type { SyncStatusTracker } from '../sync/sync-status-tracker.ts';

/** One handler per channel: parsed input in, contract output out. */
export type ChannelHandlers = {
  [C in ChannelName]: (input: ChannelParsedInput<C>) => Promise<ChannelOutput<C>>;
};

/** What the handlers work with. */
export interface HandlerDeps {
  session: SessionManager;
  sync: SyncEngine;
  status: SyncStatusTracker;
  emitSessionState: () => void;
  syncIntervalMs: number;
}

/** Builds the handlers. */
export function createChannelHandlers(deps: HandlerDeps): ChannelHandlers {
  const { session, sync, status } = deps;
  return {
    'session.state': () => {
      const active = session.active;
      return Promise.resolve(active ? { state: 'signed_in' as const, user: active.user } : { state: 'signed_out' as const });
    },
    'session.signIn': async ({ username, password }) => {
      sync.stop();
      await sync.settle();
      const user = await session.signIn(username, password);
      status.reset();
      status.update({ cachedCases: await session.require().cache.caseCount() });
      deps.emitSessionState();
      void sync.syncNow();
      sync.start(deps.syncIntervalMs);
      return user;
    },
    'session.signOut': async ({ wipeCache }) => {
      sync.stop();
      await sync.settle();
      await session.signOut(wipeCache);
      status.reset();
      deps.emitSessionState();
      return null;
    },
    'cases.queue': (input) => session.require().cache.queue(input),
    'sync.status': () => Promise.resolve(status.current),
    'sync.now': () => sync.syncNow(),
  };
}
