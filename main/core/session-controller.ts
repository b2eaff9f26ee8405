/** Session transitions with their side effects: sync start/stop, the idle lock, device revocation, state events. */
import type { SessionUser } from '../../domain/entities.ts';
import type { SessionState, SignedOutReason } from '../../domain/ipc/session-state.ts';
import { CodedError } from '../../domain/errors.ts';
import type { SessionManager } from '../session/session-manager.ts';
import type { SyncEngine } from '../sync/sync-engine.ts';
import type { SyncStatusTracker } from '../sync/sync-status-tracker.ts';
import { IdleTimer } from './idle-timer.ts';

/** What the controller drives. */
export interface SessionControllerDeps {
  session: SessionManager;
  sync: SyncEngine;
  status: SyncStatusTracker;
  emitState: (state: SessionState) => void;
  idleLockMs: number;
  syncIntervalMs: number;
}

/** Runs one transition at a time, so a lock never lands in the middle of a sign-in or an unlock. */
export class SessionController {
  readonly #idle: IdleTimer;
  #chain: Promise<unknown> = Promise.resolve();
  #revoking: Promise<void> | null = null;
  #ending: Promise<void> | null = null;
  #endedBecause: SignedOutReason | null = null;

  constructor(private readonly deps: SessionControllerDeps) {
    this.#idle = new IdleTimer(deps.idleLockMs, () => void this.lock());
  }

  async #refuseToWipeUnsent(): Promise<void> {
    const active = this.deps.session.active;
    if (!active) {
      return; // locked: the cache is closed and cannot be counted; the lock screen's sign-out is the user's explicit choice
    }
    await this.deps.sync.syncNow();
    const changes = await active.cache.outbox.counts();
    const unsentChanges = changes.pending + changes.conflicts;
    const unsentReads = await active.cache.auditOutbox.count();
    if (unsentChanges + unsentReads > 0) {
      const parts = [
        unsentChanges > 0 ? `${unsentChanges} change${unsentChanges === 1 ? '' : 's'}` : null,
        unsentReads > 0 ? `${unsentReads} audit record${unsentReads === 1 ? '' : 's'}` : null,
      ].filter((p): p is string => p !== null);
      throw new CodedError('unsent_work', `${parts.join(' and ')} on this computer ${unsentChanges + unsentReads === 1 ? 'has' : 'have'} not reached the server yet. Connect and sync first, or choose to remove ${unsentChanges + unsentReads === 1 ? 'it' : 'them'} with the offline copy.`);
    }
  }

  /** Changes the idle lock (the user shortened it in their preferences); a running countdown restarts with it. */
  setIdleLockMs(ms: number): void {
    this.#idle.setDuration(ms);
  }

  /** The state, with the reason when the core itself ended the session. */
  get state(): SessionState {
    const state = this.deps.session.state;
    return state.state === 'signed_out' && this.#endedBecause ? { state: 'signed_out', reason: this.#endedBecause } : state;
  }

  /** Signs in online (with the authenticator code when the second step asked for one) and starts syncing and the idle countdown. */
  signIn(username: string, password: string, totpCode?: string): Promise<SessionUser> {
    return this.#serial(async () => {
      await this.#quiesce();
      const user = await this.deps.session.signIn(username, password, totpCode);
      this.#endedBecause = null;
      await this.#resume(true);
      return user;
    });
  }

  /**
   * Signs out, optionally wiping the cache and its keychain entries. Before a wipe, one last sync
   * tries to deliver the outbox and the audit records; what is still unsent (changes waiting or in
   * conflict, reads not yet reported) refuses the wipe with `unsent_work` unless `discardUnsent`.
   */
  signOut(wipeCache: boolean, discardUnsent = false): Promise<void> {
    return this.#serial(async () => {
      if (wipeCache && !discardUnsent) {
        await this.#refuseToWipeUnsent();
      }
      await this.#quiesce();
      await this.deps.session.signOut(wipeCache);
      this.deps.status.reset();
      this.deps.emitState(this.state);
    });
  }

  /** Locks: stops sync, closes the cache, tells the renderer. Does nothing unless unlocked. */
  lock(): Promise<void> {
    return this.#serial(async () => {
      if (this.deps.session.state.state !== 'signed_in') {
        return;
      }
      await this.#quiesce();
      await this.deps.session.lock();
      this.deps.emitState(this.state);
    });
  }

  /** Unlocks with the password, reopens the cache and resumes sync. */
  unlock(password: string): Promise<SessionUser> {
    return this.#serial(async () => {
      const user = await this.deps.session.unlock(password);
      await this.#resume(false);
      return user;
    });
  }

  /** The user did something: restart the idle countdown. */
  activity(): void {
    this.#idle.touch();
  }

  /** The server said this device is revoked: wipe everything local and sign out, once. */
  deviceRevoked(): Promise<void> {
    this.#revoking ??= this.#serial(async () => {
      await this.#quiesce();
      await this.deps.session.wipeRevoked();
      this.#endedBecause = 'device_revoked';
      this.deps.status.reset();
      this.deps.emitState(this.state);
    }).finally(() => {
      this.#revoking = null;
    });
    return this.#revoking;
  }

  /**
   * The server refused to renew the session (session-manager.ts `SessionListener.refused`): stop sync
   * and sign out, keeping the cache (its outbox may hold unsent work) and telling the renderer why.
   * Signing out rather than locking: a lock screen would read as "you were idle", and the refusal may
   * mean a stolen token or a disabled account, so the next step is a full sign-in, checked online
   * (the manager has already ended the offline lease when the server refused a token).
   */
  sessionRefused(isCurrent: () => boolean): Promise<void> {
    this.#ending ??= this.#serial(async () => {
      if (!isCurrent()) {
        return;
      }
      await this.#quiesce();
      await this.deps.session.signOut(false);
      this.#endedBecause = 'session_ended';
      this.deps.status.reset();
      this.deps.emitState(this.state);
    }).finally(() => {
      this.#ending = null;
    });
    return this.#ending;
  }

  /** The session's state changed without a transition (an offline session got its tokens): tell the renderer. */
  stateChanged(): void {
    this.deps.emitState(this.state);
  }

  /** Resolves when no revocation or refused session is being ended (callers answer only after that is done). */
  async settled(): Promise<void> {
    await this.#revoking?.catch(() => undefined);
    await this.#ending?.catch(() => undefined);
  }

  /** Stops timers and sync (the host is closing). */
  async stop(): Promise<void> {
    await this.#serial(() => this.#quiesce());
  }

  async #quiesce(): Promise<void> {
    this.#idle.stop();
    this.deps.sync.stop();
    await this.deps.sync.settle();
  }

  async #resume(fresh: boolean): Promise<void> {
    if (fresh) {
      this.deps.status.reset();
    }
    const cache = this.deps.session.active?.cache;
    if (!cache) {
      throw new CodedError('internal_error', 'The session has no open cache.');
    }
    this.deps.status.update({ cachedCases: await cache.caseCount() });
    // The outbox and the people to review are kept in the cache: count them now, or a fresh status
    // says 0 of each until the first sync gets round to counting. A count that fails does not stop the
    // session: the sync counts again and reports what went wrong.
    await this.deps.sync.refreshCounts().catch(() => undefined);
    this.deps.emitState(this.state);
    void this.deps.sync.syncNow();
    this.deps.sync.start(this.deps.syncIntervalMs);
    this.#idle.start();
  }

  #serial<T>(step: () => Promise<T>): Promise<T> {
    const next = this.#chain.then(step, step);
    this.#chain = next.catch(() => undefined);
    return next;
  }
}
