/** Assembles the desktop core: API client, session, sync, and the validated channel dispatcher. */
import { CodedError } from '../../domain/errors.ts';
import { channels, type ChannelName, type EventName, type EventPayload } from '../../domain/ipc/contract.ts';
import type { SocketTransport } from '../sync/socket-transport.ts';
import type { PolicyStatus } from '../../domain/ipc/session-channels.ts';
import { fail, ok, type Result } from '../../domain/result.ts';
import { validationError } from '../../domain/validation-error.ts';
import { createApiClient } from '../api/api-client.ts';
import { DEFAULT_POLICY } from '../machine-policy/admin-policy.ts';
import type { LoadedPolicy } from '../machine-policy/load-admin-policy.ts';
import { createMemoryPreferencesStore, type PreferencesStore } from '../machine-policy/preferences-store.ts';
import { createUiSettingsService } from '../machine-policy/ui-settings.ts';
import type { SecretStore } from '../secrets/secret-store.ts';
import { SessionManager } from '../session/session-manager.ts';
import { SyncEngine } from '../sync/sync-engine.ts';
import { SyncStatusTracker } from '../sync/sync-status-tracker.ts';
import type { SyncedCache } from '../sync/synced-cache.ts';
import { NotificationWatcher } from './notification-watcher.ts';
import { createChannelHandlers, type ChannelHandlers } from './channel-handlers.ts';
import type { CoreEventListener, DesktopCore } from './desktop-core.ts';
import { SessionController } from './session-controller.ts';
import { watchDeviceRevoked } from './watch-device-revoked.ts';
import { reportUnexpected } from './report-unexpected.ts';

/** The effective settings the core acts on (see main/machine-policy/effective-settings.ts); each has the policy default. */
export interface CoreSettings {
  idleLockMinutes: number;
  offlineLeaseHours: number;
  offlineAllowed: boolean;
}

const DEFAULT_SETTINGS: CoreSettings = { idleLockMinutes: 10, offlineLeaseHours: 72, offlineAllowed: true };

/** What a host passes in: the Electron-only parts arrive as small interfaces. */
export interface DesktopCoreOptions {
  serverUrl: string;
  dataDir: string;
  secretStore: SecretStore;
  /** Inside Electron, `net.fetch`, so requests use Chromium's stack (proxy, PAC, certificate store). */
  fetchImpl?: typeof fetch;
  /** Inside Electron: the real-time socket through the system proxy, trusting the OS certificate store. */
  socketTransport?: SocketTransport;
  /** Path of an Electron-ABI build of the SQLite addon. */
  nativeBinding?: string;
  /** How often to pull while signed in; default 30 s. */
  syncIntervalMs?: number;
  /** Effective settings (a full EffectiveSettings fits); missing fields take the policy defaults. */
  settings?: Partial<CoreSettings>;
  /** The machine policy as loaded (loadMachinePolicy), for `policy.status` and the limits on preferences. */
  policy?: LoadedPolicy;
  /** The user's UI preferences (electron-store in the app); default: kept in memory. */
  preferences?: PreferencesStore;
  /** Opens the encrypted cache (the worker-backed cache plugs in here); default openSyncedCache. */
  openCache?: (args: { file: string; keyHex: string; nativeBinding?: string }) => Promise<SyncedCache>;
  /** The clock, in ms; tests move it to expire the offline lease. */
  now?: () => number;
}

/** Creates the core. */
export function createDesktopCore(options: DesktopCoreOptions): DesktopCore {
  const settings: CoreSettings = { ...DEFAULT_SETTINGS, ...options.settings };
  const now = options.now ?? (() => Date.now());
  let controller: SessionController | null = null;
  const baseApi = createApiClient({ baseUrl: options.serverUrl, ...(options.fetchImpl ? { fetchImpl: options.fetchImpl } : {}) });
  const api = watchDeviceRevoked(baseApi, () => void controller?.deviceRevoked());
  const session = new SessionManager({
    api,
    secrets: options.secretStore,
    serverUrl: options.serverUrl,
    dataDir: options.dataDir,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.openCache ? { openCache: options.openCache } : {}),
    now,
    settings,
    // Not awaited: these arrive from inside a sync run, which ending the session waits for.
    listener: { wentOnline: () => controller?.stateChanged(), refused: (isCurrent) => void controller?.sessionRefused(isCurrent).catch(() => undefined) },
  });
  const status = new SyncStatusTracker();
  const sync = new SyncEngine(session, api, status, () => new Date(now()), {
    serverUrl: options.serverUrl,
    storeFor: (active) => active.cache.outbox,
    ...(options.socketTransport ? { socketTransport: options.socketTransport } : {}),
  });
  const listeners = new Set<CoreEventListener>();
  const emit = <E extends EventName>(event: E, payload: EventPayload<E>) => {
    for (const listener of listeners) {
      listener(event, payload);
    }
  };
  status.subscribe((s) => emit('sync.status', s));
  const notificationWatcher = new NotificationWatcher({
    userId: () => session.active?.user.id ?? null,
    online: () => ({ api, accessToken: () => session.accessToken() }),
    announce: (alert) => emit('notifications.arrived', alert),
  });
  let lastSyncAt: string | null = null;
  status.subscribe((s) => {
    if (s.lastSuccessAt !== null && s.lastSuccessAt !== lastSyncAt) {
      lastSyncAt = s.lastSuccessAt;
      void notificationWatcher.check();
    }
  });
  controller = new SessionController({
    session, sync, status, syncIntervalMs: options.syncIntervalMs ?? 30_000,
    idleLockMs: settings.idleLockMinutes * 60_000,
    emitState: (state) => emit('session.state', state),
  });
  const ctl = controller;
  const preferences = createUiSettingsService(options.preferences ?? createMemoryPreferencesStore(), options.policy?.policy ?? DEFAULT_POLICY,
    (minutes) => ctl.setIdleLockMs(minutes * 60_000));
  const handlers = createChannelHandlers({ session, controller, sync, status, api, policyStatus: policyStatus(options.policy), preferences });

  return {
    async handle(channel, input) {
      const result = await dispatch(handlers, session, channel, input);
      // A revocation noticed during this call finishes its wipe before the renderer hears back.
      await ctl.settled();
      return result;
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      await ctl.stop();
      await session.active?.cache.close();
      listeners.clear();
    },
  };
}

function policyStatus(policy: LoadedPolicy | undefined): PolicyStatus {
  return policy ? { warnings: policy.warnings.map((w) => ({ ...w })), enforced: [...policy.enforced].sort() } : { warnings: [], enforced: [] };
}

/** Validates the channel and its input, checks the session is signed in and unlocked, runs the handler; never throws. */
async function dispatch(handlers: ChannelHandlers, session: SessionManager, channel: ChannelName, input: unknown): Promise<Result<unknown>> {
  if (!Object.hasOwn(channels, channel)) {
    return fail({ code: 'validation_error', message: 'Unknown channel.' });
  }
  const def = channels[channel];
  const parsed = def.input.safeParse(input);
  if (!parsed.success) {
    return fail(validationError('input', parsed.error));
  }
  try {
    if (def.needsSession) {
      session.require();
    }
    const handler = handlers[channel] as (value: unknown) => Promise<unknown>;
    return ok(def.output.parse(await handler(parsed.data)));
  } catch (error) {
    if (error instanceof CodedError && error.code !== 'internal_error') {
      return fail({ code: error.code, message: error.message });
    }
    reportUnexpected(channel, error);
    return fail({ code: 'internal_error', message: error instanceof CodedError ? error.message : 'Something went wrong in the desktop core.' });
  }
}
