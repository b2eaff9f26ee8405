/** Keeps the honest sync status and tells listeners when it changes. */
import type { SyncStatus } from '../../domain/ipc/sync-status.ts';

/** The status before anything is known. */
export const INITIAL_SYNC_STATUS: SyncStatus = {
  connection: 'unknown',
  phase: 'idle',
  pendingChanges: 0,
  lastSuccessAt: null,
  lastError: null,
  cachedCases: 0,
  rejectedCount: 0,
  conflictCount: 0,
  reviewCount: 0,
  upToDate: false,
};

/** "Up to date" only when nothing at all stands between the cache and the server. */
export function isUpToDate(s: SyncStatus): boolean {
  return s.connection === 'online' && s.phase === 'idle' && s.lastError === null && s.lastSuccessAt !== null
    && s.pendingChanges === 0 && s.rejectedCount === 0 && s.conflictCount === 0;
}

/** A small observable holder of SyncStatus; `upToDate` is always derived, never set. */
export class SyncStatusTracker {
  #status: SyncStatus = INITIAL_SYNC_STATUS;
  readonly #listeners = new Set<(status: SyncStatus) => void>();

  /** The current status. */
  get current(): SyncStatus {
    return this.#status;
  }

  /** Merges a change and notifies listeners. */
  update(change: Partial<SyncStatus>): void {
    const next = { ...this.#status, ...change };
    this.#status = { ...next, upToDate: isUpToDate(next) };
    for (const listener of this.#listeners) {
      listener(this.#status);
    }
  }

  /** Back to the initial status (on sign-out). */
  reset(): void {
    this.update(INITIAL_SYNC_STATUS);
  }

  /** Subscribes; returns an unsubscribe function. */
  subscribe(listener: (status: SyncStatus) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
