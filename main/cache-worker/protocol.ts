/** Messages between the main thread and the cache worker: declared once, both sides are typed from here. */
import type { WireError } from './cache-error.ts';

/** Which connection a statement runs on: `read` refuses anything that writes. */
export type ConnectionRole = 'read' | 'write';

/** What the worker is started with (`workerData`). */
export interface WorkerStartData {
  file: string;
  keyHex: string;
  nativeBinding?: string;
  /** Prepared statements kept per connection. */
  statementCacheSize: number;
}

/** A request from the main thread. */
export type WorkerRequest =
  | { id: number; kind: 'query'; role: ConnectionRole; sql: string; parameters: readonly unknown[] }
  | { id: number; kind: 'close' };

/**
 * A statement's result, kept compact: rows travel as value arrays plus one list of column names
 * (measured ~35 % cheaper to clone than row objects for a 100-row page).
 */
export interface WireResult {
  columns: string[];
  values: unknown[][];
  numAffectedRows?: bigint;
  insertId?: bigint;
}

/** A message from the worker. */
export type WorkerResponse =
  | { kind: 'ready' }
  | { kind: 'open_failed'; error: WireError }
  | { kind: 'result'; id: number; result: WireResult }
  | { kind: 'error'; id: number; error: WireError };
