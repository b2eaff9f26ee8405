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
};

/** A small observable holder of SyncStatus. */
export class SyncStatusTracker {
  #status: SyncStatus = INITIAL_SYNC_STATUS;
  readonly #listeners = new Set<(status: SyncStatus) => void>();

  /** The current status. */
  get current(): SyncStatus {
    return this.#status;
  }

  /** Merges a change and notifies listeners. */
  update(change: Partial<SyncStatus>): void {
    this.#status = { ...this.#status, ...change };
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
