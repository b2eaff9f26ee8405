/** Several compiled queries in one cache worker round trip, a later one able to read an earlier one's column. */
import type { CompiledQuery, Kysely, QueryResult } from 'kysely';
import { CacheError } from './cache-error.ts';
import type { ColumnBinding, WireStatement } from './protocol.ts';

/** A query parameter standing for an earlier statement's column in the same batch (see `batchColumn`). */
export class BatchColumn {
  constructor(
    readonly statement: number,
    readonly column: string,
  ) {}
}

/**
 * A parameter that the batch fills with the JSON array of `column` from statement `statement`'s rows (in
 * row order); read it in SQL as `(select value from json_each(?))`. Only `executeBatch` can run it.
 */
export function batchColumn(statement: number, column: string): BatchColumn {
  return new BatchColumn(statement, column);
}

/** Runs a batch on one cache connection: what a cache handle registers (see open-cache.ts). */
export type BatchRunner = (statements: readonly WireStatement[]) => Promise<QueryResult<unknown>[]>;

const runners = new WeakMap<object, BatchRunner>();

/** Marks `db` as a cache worker handle whose batches go to the worker in one round trip. */
export function registerBatchRunner<DB>(db: Kysely<DB>, runner: BatchRunner): void {
  runners.set(db, runner);
}

type RowsOf<Q> = Q extends CompiledQuery<infer R> ? R[] : never;

/**
 * Runs compiled queries in order and answers each one's rows, in the same order. On a cache worker handle
 * that is one round trip and one transaction (one snapshot; writes all or nothing), failing whole if any
 * statement fails. Any other handle (a transaction, a plugin's copy, an in-process database in tests and
 * benchmarks) runs them one after another through Kysely, with no such guarantee: use it for reads there.
 */
export async function executeBatch<DB, const Q extends readonly CompiledQuery<unknown>[]>(
  db: Kysely<DB>, queries: Q,
): Promise<{ -readonly [K in keyof Q]: RowsOf<Q[K]> }> {
  const statements = queries.map((q, i) => wireStatement(q, i));
  const runner = runners.get(db);
  if (runner !== undefined) {
    return (await runner(statements)).map((r) => r.rows) as { -readonly [K in keyof Q]: RowsOf<Q[K]> };
  }
  const answers: unknown[][] = [];
  for (const [i, query] of queries.entries()) {
    const parameters = [...statements[i]!.parameters];
    for (const { parameter, statement, column } of statements[i]!.columnBindings ?? []) {
      const rows = answers[statement]! as Record<string, unknown>[];
      if (rows.length > 0 && !(column in rows[0]!)) {
        throw new CacheError('validation_error', 'bad_batch', `Batch statement ${i} binds column "${column}" of statement ${statement}, which no earlier statement returns.`);
      }
      parameters[parameter] = JSON.stringify(rows.map((row) => row[column]));
    }
    answers.push((await db.executeQuery({ ...query, parameters })).rows);
  }
  return answers as { -readonly [K in keyof Q]: RowsOf<Q[K]> };
}

// The query as it crosses to the worker: each BatchColumn parameter becomes a binding of an earlier statement.
function wireStatement(query: CompiledQuery<unknown>, index: number): WireStatement {
  const columnBindings: ColumnBinding[] = [];
  const parameters = query.parameters.map((value, parameter) => {
    if (!(value instanceof BatchColumn)) {
      return value;
    }
    if (!Number.isInteger(value.statement) || value.statement < 0 || value.statement >= index) {
      throw new CacheError('validation_error', 'bad_batch', `Batch statement ${index} binds statement ${value.statement}, which does not run before it.`);
    }
    columnBindings.push({ parameter, statement: value.statement, column: value.column });
    return null;
  });
  return columnBindings.length === 0 ? { sql: query.sql, parameters } : { sql: query.sql, parameters, columnBindings };
}
