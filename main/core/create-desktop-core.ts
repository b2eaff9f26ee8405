/** Assembles the desktop core: API client, session, sync, and the validated channel dispatcher. */
import { CodedError } from '../../domain/errors.ts';
import { channels, type ChannelName, type EventName, type EventPayload } from '../../domain/ipc/contract.ts';
import { fail, ok, type Result } from '../../domain/result.ts';
import { createApiClient } from '../api/api-client.ts';
import type { SecretStore } from '../secrets/secret-store.ts';
import { SessionManager } from '../session/session-manager.ts';
import { SyncEngine } from '../sync/sync-engine.ts';
import { SyncStatusTracker } from '../sync/sync-status-tracker.ts';
import { createChannelHandlers, type ChannelHandlers } from './channel-handlers.ts';
import type { CoreEventListener, DesktopCore } from './desktop-core.ts';

/** What a host passes in: the Electron-only parts arrive as small interfaces. */
export interface DesktopCoreOptions {
  serverUrl: string;
  dataDir: string;
  secretStore: SecretStore;
  /** Inside Electron, `net.fetch`, so requests use Chromium's stack (proxy, PAC, certificate store). */
  fetchImpl?: typeof fetch;
  /** Path of an Electron-ABI build of the SQLite addon. */
  nativeBinding?: string;
  /** How often to pull while signed in; default 30 s. */
  syncIntervalMs?: number;
}

/** Creates the core. */
export function createDesktopCore(options: DesktopCoreOptions): DesktopCore {
  const api = createApiClient({ baseUrl: options.serverUrl, ...(options.fetchImpl ? { fetchImpl: options.fetchImpl } : {}) });
  const session = new SessionManager({
    api,
    secrets: options.secretStore,
    serverUrl: options.serverUrl,
    dataDir: options.dataDir,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    now: () => Date.now(),
  });
  const status = new SyncStatusTracker();
  const sync = new SyncEngine(session, api, status, () => new Date());
  const listeners = new Set<CoreEventListener>();
  const emit = <E extends EventName>(event: E, payload: EventPayload<E>) => {
    for (const listener of listeners) {
      listener(event, payload);
    }
  };
  status.subscribe((s) => emit('sync.status', s));
  const handlers = createChannelHandlers({
    session,
    sync,
    status,
    syncIntervalMs: options.syncIntervalMs ?? 30_000,
    emitSessionState: () => {
      const active = session.active;
      emit('session.state', active ? { state: 'signed_in', user: active.user } : { state: 'signed_out' });
    },
  });

  return {
    handle: (channel, input) => dispatch(handlers, session, channel, input),
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      sync.stop();
      await sync.settle();
      await session.active?.cache.close();
      listeners.clear();
    },
  };
}

/** Validates the channel and its input, checks the session, runs the handler; never throws. */
async function dispatch(handlers: ChannelHandlers, session: SessionManager, channel: ChannelName, input: unknown): Promise<Result<unknown>> {
  if (!Object.hasOwn(channels, channel)) {
    return fail({ code: 'validation_error', message: 'Unknown channel.' });
  }
  const def = channels[channel];
  const parsed = def.input.safeParse(input);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return fail({ code: 'validation_error', message: `Invalid input${first?.path.length ? ` at ${first.path.join('.')}` : ''}: ${first?.message ?? 'bad input'}` });
  }
  if (def.needsSession && !session.active) {
    return fail({ code: 'not_signed_in', message: 'Sign in first.' });
  }
  try {
    const handler = handlers[channel] as (value: unknown) => Promise<unknown>;
    return ok(def.output.parse(await handler(parsed.data)));
  } catch (error) {
    if (error instanceof CodedError) {
      return fail({ code: error.code, message: error.message });
    }
    return fail({ code: 'internal_error', message: 'Something went wrong in the desktop core.' });
  }
}
