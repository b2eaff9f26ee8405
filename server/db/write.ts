/** The one way route handlers write: a transaction, then a poke to the real-time layer after commit. */
import type { Transaction } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import type { ServerContext } from '../context/server-context.ts';

/** Runs `work` in a transaction; after it commits, notifies real time. Rolls back on any throw. */
export async function withWrite<T>(ctx: Pick<ServerContext, 'db' | 'notifier'>, work: (trx: Transaction<ServerDatabase>) => Promise<T>): Promise<T> {
  const result = await ctx.db.transaction().execute(work);
  ctx.notifier.committed();
  return result;
}
