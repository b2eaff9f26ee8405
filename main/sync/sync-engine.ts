/** Runs pulls for the active session — on demand and periodically — and reports status honestly. */
import { CodedError } from '../../domain/errors.ts';
import type { SyncStatus } from '../../domain/ipc/sync-status.ts';
import type { ApiClient } from '../api/api-client.ts';
import type { SessionManager } from '../session/session-manager.ts';
import { pullUntilCurrent } from './pull-until-current.ts';
import type { SyncStatusTracker } from './sync-status-tracker.ts';

const PAGE_SIZE = 500;

/** Pull sync for whoever is signed in. */
export class SyncEngine {
  #inFlight: Promise<SyncStatus> | null = null;
  #timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly session: SessionManager,
    private readonly api: ApiClient,
    private readonly status: SyncStatusTracker,
    private readonly now: () => Date,
  ) {}

  /** Pulls until current; concurrent callers share one run. Never throws: the outcome is in the status. */
  syncNow(): Promise<SyncStatus> {
    this.#inFlight ??= this.#run().finally(() => {
      this.#inFlight = null;
    });
    return this.#inFlight;
  }

  /** Starts periodic pulls (the WebSocket poke will make them prompt). */
  start(intervalMs: number): void {
    this.stop();
    this.#timer = setInterval(() => void this.syncNow(), intervalMs);
    this.#timer.unref();
  }

  /** Stops periodic pulls. */
  stop(): void {
    if (this.#timer) {
      clearInterval(this.#timer);
      this.#timer = null;
    }
  }

  /** Waits for a running pull, if any (before closing the cache). */
  async settle(): Promise<void> {
    await this.#inFlight;
  }

  async #run(): Promise<SyncStatus> {
    const active = this.session.active;
    if (!active) {
      return this.status.current;
    }
    this.status.update({ phase: 'pulling' });
    try {
      await pullUntilCurrent(active.cache, async (cursor) =>
        this.api.call('syncPull', {
          query: { ...(cursor === null ? {} : { cursor }), limit: PAGE_SIZE },
          accessToken: await this.session.accessToken(),
        }),
      );
      this.status.update({
        connection: 'online',
        phase: 'idle',
        lastSuccessAt: this.now().toISOString(),
        lastError: null,
        cachedCases: await active.cache.caseCount(),
      });
    } catch (error) {
      const coded = error instanceof CodedError ? error : new CodedError('internal_error', 'Sync failed unexpectedly.');
      const offline = coded.code === 'network_error' || coded.code === 'server_unavailable';
      this.status.update({
        connection: offline ? 'offline' : 'online',
        phase: 'error',
        lastError: { code: coded.code, message: coded.message },
      });
    }
    return this.status.current;
  }
}
