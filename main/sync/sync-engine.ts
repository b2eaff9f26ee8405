/** Runs sync for the active session — push the outbox, then pull — on demand, on pokes and periodically, and reports status honestly. */
import { CodedError } from '../../domain/errors.ts';
import type { SessionUser } from '../../domain/entities.ts';
import type { SyncStatus } from '../../domain/ipc/sync-status.ts';
import type { ApiClient } from '../api/api-client.ts';
import { DocumentContentFetcher } from './fetch-document-content.ts';
import { PokeSocket } from './poke-socket.ts';
import type { SocketTransport } from './socket-transport.ts';
import { pushAuditEvents } from './push-audit-events.ts';
import { pullUntilCurrent } from './pull-until-current.ts';
import { pushOutbox } from './push-outbox.ts';
import type { LocalChange } from './queue-local-change.ts';
import { DEFAULT_BACKOFF, retryDelayMs, type Backoff } from './retry-backoff.ts';
import type { LocalActor } from './sync-cache-db.ts';
import type { SyncStatusTracker } from './sync-status-tracker.ts';
import type { SyncStore } from './sync-store.ts';
import type { SyncedCache } from './synced-cache.ts';

const PAGE_SIZE = 500;
/**
 * Cases (or other anchors) per bootstrap page, the server's most; each case brings its parts. Fewer,
 * larger pages cost less per row to fetch and stage (docs/sync.md, "Bootstrap").
 */
const BOOTSTRAP_ANCHORS = 500;
/** Errors that mean "cannot reach the server right now": skip the pull, back off, try again. */
export const OFFLINE_CODES = new Set(['network_error', 'server_unavailable', 'rate_limited']);

/** The signed-in session as sync needs it (SessionManager fits). */
export interface SyncSession {
  readonly cache: SyncedCache;
  /** The role, when the session has it, lets the desktop check a change before queuing it. */
  readonly user: Pick<SessionUser, 'id' | 'agencyId' | 'teamIds'> & Partial<Pick<SessionUser, 'role'>>;
}

/** Where the engine finds the session and tokens. */
export interface SyncSessionSource {
  readonly active: SyncSession | null;
  accessToken(): Promise<string>;
}

/** Optional parts: the outbox and the real-time socket. */
export interface SyncEngineOptions {
  /** The active session's outbox; without one the engine only pulls. */
  storeFor?: (active: SyncSession) => SyncStore | null;
  /** The server's base URL; when set, `start` also opens the real-time poke socket. */
  serverUrl?: string;
  backoff?: Backoff;
  random?: () => number;
  /** How the poke socket reaches the server (Electron: the system proxy and certificate store). */
  socketTransport?: SocketTransport;
  /** Pokes within this window become one pull; default 150 ms. */
  pokeDebounceMs?: number;
  /** Document contents downloaded after each successful pull; default DEFAULT_DOCUMENTS_PER_SYNC, 0 turns it off. */
  documentsPerSync?: number;
}

/** Push-then-pull sync for whoever is signed in; one run at a time, with a follow-up run when asked during one. */
export class SyncEngine {
  #inFlight: Promise<SyncStatus> | null = null;
  #again = false;
  #failures = 0;
  #interval: NodeJS.Timeout | null = null;
  #retry: NodeJS.Timeout | null = null;
  #poke: NodeJS.Timeout | null = null;
  readonly #socket: PokeSocket | null;
  readonly #documents: DocumentContentFetcher;
  #documentsAbort: AbortController | null = null;

  constructor(
    private readonly session: SyncSessionSource,
    private readonly api: ApiClient,
    private readonly status: SyncStatusTracker,
    private readonly now: () => Date,
    private readonly options: SyncEngineOptions = {},
  ) {
    this.#documents = new DocumentContentFetcher(options.documentsPerSync);
    this.#socket = options.serverUrl === undefined ? null : new PokeSocket({
      serverUrl: options.serverUrl,
      token: () => this.session.accessToken(),
      onPoke: () => this.requestSync(),
      onReady: () => this.requestSync(),
      ...(options.backoff ? { backoff: options.backoff } : {}),
      ...(options.random ? { random: options.random } : {}),
      ...(options.socketTransport ? { transport: options.socketTransport } : {}),
    });
  }

  /** Pushes and pulls; a call during a run makes one more run and shares its result. Never throws: the outcome is in the status. */
  syncNow(): Promise<SyncStatus> {
    if (this.#inFlight) {
      this.#again = true;
      return this.#inFlight;
    }
    this.#inFlight = this.#loop().finally(() => {
      this.#inFlight = null;
    });
    return this.#inFlight;
  }

  /** Asks for a sync soon, coalescing bursts (pokes, reconnects, local changes). */
  requestSync(): void {
    this.#poke ??= setTimeout(() => {
      this.#poke = null;
      void this.syncNow();
    }, this.options.pokeDebounceMs ?? 150);
  }

  /** Starts periodic syncs and the real-time socket. */
  start(intervalMs: number): void {
    this.stop();
    this.#interval = setInterval(() => void this.syncNow(), intervalMs);
    this.#interval.unref();
    this.#socket?.start();
  }

  /** Stops timers and the socket, and cancels document downloads so a lock or sign-out need not wait for them. */
  stop(): void {
    this.#documentsAbort?.abort();
    for (const timer of [this.#interval, this.#retry, this.#poke]) {
      if (timer) {
        clearTimeout(timer);
      }
    }
    this.#interval = this.#retry = this.#poke = null;
    this.#socket?.stop();
  }

  /** Waits for a running sync, if any (before closing the cache). */
  async settle(): Promise<void> {
    await this.#inFlight;
  }

  /** The active session's outbox, or a typed error. */
  outbox(): { store: SyncStore; actor: LocalActor } {
    const active = this.session.active;
    if (!active) {
      throw new CodedError('not_signed_in', 'Sign in first.');
    }
    const store = this.options.storeFor?.(active);
    if (!store) {
      throw new CodedError('internal_error', 'This cache has no outbox.');
    }
    return {
      store,
      actor: {
        userId: active.user.id, agencyId: active.user.agencyId, teamId: active.user.teamIds[0] ?? null, teamIds: active.user.teamIds,
        ...(active.user.role === undefined ? {} : { role: active.user.role }),
      },
    };
  }

  /** A local change: optimistic row and outbox entry in one transaction, then a prompt push. Returns its mutation id. */
  async enqueue(change: LocalChange): Promise<number> {
    const { store, actor } = this.outbox();
    const mutationId = await store.enqueue(change, actor);
    await this.refreshCounts();
    this.requestSync();
    return mutationId;
  }

  /** Re-reads the outbox counts into the status. */
  async refreshCounts(): Promise<SyncStatus> {
    const active = this.session.active;
    const store = active && this.options.storeFor?.(active);
    if (store) {
      const counts = await store.counts();
      this.status.update({ pendingChanges: counts.pending, rejectedCount: counts.rejected, conflictCount: counts.conflicts, reviewCount: counts.reviews });
    }
    return this.status.current;
  }

  async #loop(): Promise<SyncStatus> {
    let result: SyncStatus;
    do {
      this.#again = false;
      result = await this.#runOnce();
    } while (this.#again && this.session.active);
    return result;
  }

  async #runOnce(): Promise<SyncStatus> {
    const active = this.session.active;
    if (!active) {
      return this.status.current;
    }
    const store = this.options.storeFor?.(active) ?? null;
    const token = () => this.session.accessToken();
    try {
      const mutationError = store ? await this.#push(store, token) : null;
      const auditError = await refusedOnly(pushAuditEvents(active.cache.auditOutbox, active.user.id, this.api, token));
      const pushError = mutationError ?? auditError;
      this.status.update({ phase: 'pulling' });
      const clientId = store ? await store.clientId() : undefined;
      const outcome = await pullUntilCurrent(active.cache, {
        pull: async (cursor) => this.api.call('syncPull', {
          query: { cursor, limit: PAGE_SIZE, ...(clientId ? { clientId } : {}) }, accessToken: await token(),
        }),
        bootstrap: async (position) => this.api.call('syncBootstrap', {
          // Compact pages: half the bytes to send and parse; decoded and checked record by record before staging.
          query: position === null ? { limit: BOOTSTRAP_ANCHORS, format: 'compact' } : {
            snapshot: position.snapshot, phase: position.phase, ...(position.after === null ? {} : { after: position.after }), limit: BOOTSTRAP_ANCHORS,
            format: 'compact',
          },
          accessToken: await token(),
        }),
        onBootstrap: () => this.status.update({ phase: 'bootstrapping' }),
      });
      if (store && clientId) {
        // The copy is current: a person to review who is not in it has left it (merged, moved away, reset).
        await store.forgetDepartedPersonReviews();
        await store.reapplyPending(this.outbox().actor);
        await store.noteServerLastMutationId(clientId, outcome.lastMutationId);
      }
      if (pushError) {
        throw pushError;
      }
      this.#failures = 0;
      this.status.update({
        connection: 'online', phase: 'idle', lastSuccessAt: this.now().toISOString(), lastError: null, cachedCases: await active.cache.caseCount(),
      });
      // After the pull, so only documents still visible are fetched; it never throws, so it cannot fail the sync.
      const abort = (this.#documentsAbort = new AbortController());
      await this.#documents.fetchMissing(active.cache, this.api, token, abort.signal).finally(() => {
        this.#documentsAbort = null;
      });
    } catch (error) {
      if (this.session.active?.cache !== active.cache) {
        return this.status.current; // signed out meanwhile: nothing to report about that session
      }
      const coded = asCoded(error);
      this.#failures += 1;
      this.status.update({ connection: OFFLINE_CODES.has(coded.code) ? 'offline' : 'online', phase: 'error', lastError: { code: coded.code, message: coded.message } });
      this.#scheduleRetry();
    }
    await this.refreshCounts().catch(() => undefined);
    return this.status.current;
  }

  // A refused push (not an outage) must not keep the user's view stale: it is returned, and the pull goes ahead.
  async #push(store: SyncStore, token: () => Promise<string>): Promise<CodedError | null> {
    if ((await this.refreshCounts()).pendingChanges === 0) {
      return null;
    }
    this.status.update({ phase: 'pushing' });
    try {
      return await refusedOnly(pushOutbox(store, this.api, token, this.outbox().actor.userId, this.session.active?.cache.documentContent ?? null));
    } finally {
      await this.refreshCounts();
    }
  }

  // Nothing is dropped while offline: the outbox waits, and a started engine tries again with growing, jittered pauses.
  #scheduleRetry(): void {
    if (this.#retry || !this.#interval) {
      return;
    }
    const wait = retryDelayMs(this.#failures, this.options.backoff ?? DEFAULT_BACKOFF, this.options.random ?? Math.random);
    this.#retry = setTimeout(() => {
      this.#retry = null;
      void this.syncNow();
    }, wait);
    this.#retry.unref();
  }
}

/** Settles to null, or to the error of a refusal; an outage is thrown, so the run stops there and backs off. */
async function refusedOnly(push: Promise<unknown>): Promise<CodedError | null> {
  try {
    await push;
    return null;
  } catch (error) {
    const coded = asCoded(error);
    if (OFFLINE_CODES.has(coded.code)) {
      throw coded;
    }
    return coded;
  }
}

function asCoded(error: unknown): CodedError {
  return error instanceof CodedError ? error : new CodedError('internal_error', 'Sync failed unexpectedly.');
}
