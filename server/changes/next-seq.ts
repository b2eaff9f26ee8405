/** Hands out change-log positions inside a writing transaction. */
import type { Kysely, Transaction } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';

/**
 * Takes the next global sequence number. The UPDATE locks the single counter row until the
 * transaction commits, so writers commit in sequence order and a reader's snapshot never sees
 * seq N+1 without seq N — the pull cursor can never skip a change.
 */
export async function nextSeq(trx: Transaction<ServerDatabase>): Promise<number> {
  const row = await trx
    .updateTable('change_seq')
    .set((eb) => ({ seq: eb('seq', '+', 1) }))
    .where('id', '=', 1)
    .returning('seq')
    .executeTakeFirstOrThrow();
  return Number(row.seq);
}

/** The last position logged without `prior` (migration 0010): cursors inside it must bootstrap again. */
export async function priorFloor(db: Kysely<ServerDatabase> | Transaction<ServerDatabase>): Promise<number> {
  const row = await db.selectFrom('change_seq').select('prior_floor').where('id', '=', 1).executeTakeFirstOrThrow();
  return Number(row.prior_floor);
}

/** The latest committed sequence number visible to this connection or transaction. */
export async function currentSeq(db: Kysely<ServerDatabase> | Transaction<ServerDatabase>): Promise<number> {
  const row = await db.selectFrom('change_seq').select('seq').where('id', '=', 1).executeTakeFirstOrThrow();
  return Number(row.seq);
}

/** The latest committed position and the `prior` floor (see `priorFloor`) in one read: what a pull checks its cursor against. */
export async function pullBounds(db: Kysely<ServerDatabase> | Transaction<ServerDatabase>): Promise<{ head: number; floor: number }> {
  const row = await db.selectFrom('change_seq').select(['seq', 'prior_floor']).where('id', '=', 1).executeTakeFirstOrThrow();
  return { head: Number(row.seq), floor: Number(row.prior_floor) };
}
