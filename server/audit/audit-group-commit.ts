/**
 * Group commit for audit events recorded "now" (docs/audit.md, "Group commit"): work queued by
 * concurrent requests is run by one flush transaction, in arrival order, each piece inside its own
 * savepoint, and every caller's promise settles only once the flush holding its work has committed.
 * No answer leaves before its audit event is durable, exactly as with a transaction per event, but
 * a burst of reads pays one commit (one WAL sync on SQLite) instead of one each.
 *
 * A piece that fails is rolled back to its savepoint and rejects only its caller; the others still
 * commit. If the flush cannot commit, every caller in it gets the error and nothing was written.
 * The audit head row's lock (`recordAudit`) still orders flushes from several API nodes sharing one
 * PostgreSQL database. A piece may do any write that must commit with its event (for example a sync
 * pull's device pull time beside its disclosure event): it runs with the flush's transaction.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';

type Trx = Transaction<ServerDatabase>;

interface Queued {
  work: (trx: Trx) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

interface Outcome {
  piece: Queued;
  ok: boolean;
  value: unknown;
}

interface Group {
  queue: Queued[];
  flushing: boolean;
}

const groups = new WeakMap<Kysely<ServerDatabase>, Group>();

/**
 * Runs `work` in the next audit flush transaction on `db` and resolves with its result once that
 * transaction has committed. `work` must write only through the transaction it is given and must
 * not wait on another flush (it would wait on itself).
 */
export function joinAuditFlush<T>(db: Kysely<ServerDatabase>, work: (trx: Trx) => Promise<T>): Promise<T> {
  let group = groups.get(db);
  if (group === undefined) {
    group = { queue: [], flushing: false };
    groups.set(db, group);
  }
  const joined = group;
  return new Promise<T>((resolve, reject) => {
    joined.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
    if (!joined.flushing) {
      joined.flushing = true;
      // Started on the next turn of the event loop, not now: requests whose statements are running
      // in this turn (better-sqlite3 answers synchronously, so a whole page is one turn) queue their
      // events first and share the flush, instead of waiting behind a flush of one.
      setImmediate(() => void flushAll(db, joined));
    }
  });
}

/** Flushes until the queue is empty: whatever arrived during one flush forms the next. */
async function flushAll(db: Kysely<ServerDatabase>, group: Group): Promise<void> {
  try {
    while (group.queue.length > 0) {
      const batch = group.queue.splice(0);
      await flushOnce(db, batch);
    }
  } finally {
    group.flushing = false;
  }
}

/** One transaction for `batch`: each piece in a savepoint; callers settle after the commit. */
async function flushOnce(db: Kysely<ServerDatabase>, batch: Queued[]): Promise<void> {
  let outcomes: Outcome[];
  try {
    outcomes = await db.transaction().execute(async (trx) => {
      const done: Outcome[] = [];
      for (const piece of batch) {
        done.push(await runPiece(trx, piece));
      }
      return done;
    });
  } catch (error) {
    // The transaction did not commit: nothing in it was written, so every caller in it fails.
    for (const piece of batch) {
      piece.reject(error);
    }
    return;
  }
  for (const { piece, ok, value } of outcomes) {
    (ok ? piece.resolve : piece.reject)(value);
  }
}

/** Runs one piece inside a savepoint; a failure rolls back its writes only. */
async function runPiece(trx: Trx, piece: Queued): Promise<Outcome> {
  await sql`savepoint audit_piece`.execute(trx);
  try {
    const value = await piece.work(trx);
    await sql`release savepoint audit_piece`.execute(trx);
    return { piece, ok: true, value };
  } catch (error) {
    // A failure here (the connection itself gone) fails the flush, and with it every caller.
    await sql`rollback to savepoint audit_piece`.execute(trx);
    await sql`release savepoint audit_piece`.execute(trx);
    return { piece, ok: false, value: error };
  }
}
