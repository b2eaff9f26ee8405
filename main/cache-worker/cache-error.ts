/** The typed error every cache call rejects with: a stable code for the UI, a reason for the cache's own callers. */
import { CodedError, type ErrorCode } from '../../domain/errors.ts';

/** Why a cache call failed, finer than the error code. */
export type CacheErrorReason =
  | 'bad_key' // the key does not open the file
  | 'open_failed' // the file could not be opened for another reason
  | 'read_only' // the read handle was given a statement that writes
  | 'bad_parameters' // a value SQLite cannot bind
  | 'bad_batch' // a batch binds a column it cannot have, or controls the transaction itself
  | 'sqlite' // SQLite refused the statement (see sqliteCode)
  | 'checkpoint_busy' // a reader kept the WAL from being truncated
  | 'closed' // the cache was closed (idle lock, sign-out)
  | 'worker_failed'; // the worker thread died

/** The plain-object form that crosses the thread boundary (structured clone drops class identity). */
export interface WireError {
  code: ErrorCode;
  reason: CacheErrorReason;
  message: string;
  sqliteCode?: string;
}

/** An error from the encrypted cache; never carries the key. */
export class CacheError extends CodedError {
  readonly reason: CacheErrorReason;
  readonly sqliteCode: string | undefined;

  constructor(code: ErrorCode, reason: CacheErrorReason, message: string, sqliteCode?: string) {
    super(code, message);
    this.name = 'CacheError';
    this.reason = reason;
    this.sqliteCode = sqliteCode;
  }

  /** The wire form, for the worker to post. */
  toWire(): WireError {
    return { code: this.code, reason: this.reason, message: this.message, ...(this.sqliteCode === undefined ? {} : { sqliteCode: this.sqliteCode }) };
  }

  /** Rebuilds the error on the main thread. */
  static fromWire(wire: WireError): CacheError {
    return new CacheError(wire.code, wire.reason, wire.message, wire.sqliteCode);
  }
}

/** The error every call gets once the cache is closed. */
export function closedError(): CacheError {
  return new CacheError('session_locked', 'closed', 'The local cache is closed; unlock the session to use it again.');
}
