/** Binds a desktop's outbox (client id) to one user and tracks its last applied mutation. */
import type { Kysely, Transaction } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import { CodedError } from '../../domain/errors.ts';

/** The client's last applied mutation id, or 0 for a client this user has not pushed from. */
export async function lastMutationIdOf(db: Kysely<ServerDatabase>, clientId: string, userId: string): Promise<number> {
  const row = await db.selectFrom('client_mutations').select(['user_id', 'last_mutation_id']).where('client_id', '=', clientId).executeTakeFirst();
  return row && row.user_id === userId ? Number(row.last_mutation_id) : 0;
}

/** Creates the client row on first use; a client id that belongs to another user answers 403. */
export async function bindClient(db: Kysely<ServerDatabase>, clientId: string, userId: string, at: string): Promise<number> {
  await db.insertInto('client_mutations').values({ client_id: clientId, user_id: userId, last_mutation_id: 0, updated_at: at })
    .onConflict((oc) => oc.column('client_id').doNothing()).execute();
  const row = await db.selectFrom('client_mutations').select(['user_id', 'last_mutation_id']).where('client_id', '=', clientId).executeTakeFirstOrThrow();
  if (row.user_id !== userId) {
    throw new CodedError('authorization_error', 'This sync client belongs to another user.');
  }
  return Number(row.last_mutation_id);
}

/**
 * Claims a mutation id inside the mutation's transaction: succeeds only if it is above the stored
 * one (compare-and-set), so a concurrent replay cannot apply the same mutation twice.
 */
export async function claimMutation(trx: Transaction<ServerDatabase>, clientId: string, userId: string, mutationId: number, at: string): Promise<boolean> {
  const updated = await trx.updateTable('client_mutations').set({ last_mutation_id: mutationId, updated_at: at })
    .where('client_id', '=', clientId).where('user_id', '=', userId).where('last_mutation_id', '<', mutationId)
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1;
}
