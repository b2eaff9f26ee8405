/** Runs one statement on one connection inside the worker and shapes its result for the trip back. */
import type Database from 'better-sqlite3-multiple-ciphers';
import { CodedError } from '../../domain/errors.ts';
import { CacheError, type WireError } from './cache-error.ts';
import type { ConnectionRole, WireResult, WireStatement } from './protocol.ts';
import { StatementCache } from './statement-cache.ts';

/**
 * Counts the statements run that may have changed the schema (every one that is not a reader), shared
 * by the runners of one worker: a reader's column names are reused only while it stays the same.
 */
export class WriteCount {
  value = 0;
}

/** A prepared statement with its column names, read once per write count. */
interface Prepared {
  statement: Database.Statement;
  columns: string[];
  /** The write count `columns` was read at (-1: not yet read). */
  readAt: number;
}

/** One open connection with its statement cache. */
export class StatementRunner {
  readonly #statements: StatementCache<Prepared>;
  /** A batch in one transaction, made once: better-sqlite3 builds four wrapped functions on every transaction() call. */
  readonly #batch: (statements: readonly WireStatement[]) => WireResult[];

  constructor(
    private readonly db: Database.Database,
    private readonly role: ConnectionRole,
    cacheSize: number,
    /** Shared by the reader and the writer of one cache, so a schema change on either refreshes both. */
    private readonly writes: WriteCount,
  ) {
    this.#statements = new StatementCache(cacheSize, (sql) => {
      const statement = db.prepare(sql);
      if (statement.reader) {
        statement.raw(true);
      }
      return { statement, columns: [], readAt: -1 };
    });
    this.#batch = db.transaction((statements: readonly WireStatement[]) => {
      const results: WireResult[] = [];
      const json = new Map<string, string>();
      for (const [i, s] of statements.entries()) {
        results.push(this.run(s.sql, s.columnBindings === undefined ? s.parameters : bindColumns(i, s, results, json)));
      }
      return results;
    });
  }

  /** Executes `sql`; the read connection refuses any statement that is not read-only. */
  run(sql: string, parameters: readonly unknown[]): WireResult {
    const prepared = this.#statements.get(sql);
    const { statement } = prepared;
    if (this.role === 'read' && !statement.readonly) {
      throw new CacheError('authorization_error', 'read_only', 'The read handle cannot change the cache; use the write handle.');
    }
    const bound = parameters.map(toBindable);
    if (statement.reader) {
      const values = statement.all(...bound) as unknown[][];
      // SQLite re-prepares a statement whose schema changed, which can change its columns (`select *`
      // after a migration): the names are read again after any statement that may have changed it.
      if (prepared.readAt !== this.writes.value) {
        prepared.columns = statement.columns().map((c) => c.name);
        prepared.readAt = this.writes.value;
      }
      return { columns: prepared.columns, values };
    }
    this.writes.value += 1;
    const { changes, lastInsertRowid } = statement.run(...bound);
    return { columns: [], values: [], numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid) };
  }

  /**
   * Executes the statements in order inside one transaction (a savepoint when one is already open), so a
   * batch reads one snapshot and its writes land all together or not at all: any failure rolls the
   * batch back and rejects it whole. A statement may bind an earlier one's column (see ColumnBinding).
   */
  runBatch(statements: readonly WireStatement[]): WireResult[] {
    for (const [i, s] of statements.entries()) {
      if (TRANSACTION_CONTROL.test(s.sql)) {
        throw new CacheError('validation_error', 'bad_batch', `Batch statement ${i} controls the transaction itself; a batch is one transaction already.`);
      }
    }
    return this.#batch(statements);
  }

  /** Drops cached statements and closes the connection (an open transaction rolls back). */
  close(): void {
    this.#statements.clear();
    if (this.db.open) {
      this.db.close();
    }
  }
}

const TRANSACTION_CONTROL = /^\s*(begin|commit|end|rollback|savepoint|release)\b/i;

// The statement's parameters with each bound column filled in as a JSON array of text, numbers and nulls
// (each column made into JSON once per batch, however often it is bound).
function bindColumns(index: number, statement: WireStatement, earlier: readonly WireResult[], json: Map<string, string>): unknown[] {
  const parameters = [...statement.parameters];
  for (const { parameter, statement: from, column } of statement.columnBindings ?? []) {
    const source = from < index ? earlier[from] : undefined;
    const at = source?.columns.indexOf(column) ?? -1;
    if (source === undefined || at < 0 || !Number.isInteger(parameter) || parameter < 0 || parameter >= parameters.length) {
      throw new CacheError('validation_error', 'bad_batch', `Batch statement ${index} binds column "${column}" of statement ${from}, which no earlier statement returns.`);
    }
    const key = `${from}:${column}`;
    let text = json.get(key);
    if (text === undefined) {
      const values = source.values.map((row) => row[at]);
      if (!values.every((v) => v === null || typeof v === 'string' || typeof v === 'number')) {
        throw new CacheError('validation_error', 'bad_batch', `Batch statement ${index} binds column "${column}", which holds values JSON cannot carry.`);
      }
      text = JSON.stringify(values);
      json.set(key, text);
    }
    parameters[parameter] = text;
  }
  return parameters;
}

// Structured clone turns a Buffer into a plain Uint8Array; better-sqlite3 binds only Buffers as BLOBs.
function toBindable(value: unknown): unknown {
  return value instanceof Uint8Array && !Buffer.isBuffer(value) ? Buffer.from(value.buffer, value.byteOffset, value.byteLength) : value;
}

/** Turns anything thrown in the worker into a typed wire error; the key is scrubbed from every message. */
export function toWireError(error: unknown, keyHex: string): WireError {
  const scrub = (message: string) => (keyHex.length > 0 ? message.split(keyHex).join('[key]') : message);
  if (error instanceof CacheError) {
    return { ...error.toWire(), message: scrub(error.message) };
  }
  if (error instanceof CodedError) {
    return { code: error.code, reason: error.code === 'authentication_error' ? 'bad_key' : 'open_failed', message: scrub(error.message) };
  }
  if (error instanceof TypeError || error instanceof RangeError) {
    return { code: 'validation_error', reason: 'bad_parameters', message: scrub(error.message) };
  }
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') {
    return { code: 'internal_error', reason: 'sqlite', message: scrub(error.message), sqliteCode: error.code };
  }
  return { code: 'internal_error', reason: 'sqlite', message: scrub(error instanceof Error ? error.message : String(error)) };
}
