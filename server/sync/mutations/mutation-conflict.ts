/** How a mutation applier reports a conflict: a failed compare-and-set, or a client-made id already taken. */
import type { Transaction } from 'kysely';
import type { ServerDatabase } from '../../../db/server/schema.ts';
import { CodedError } from '../../../domain/errors.ts';

/**
 * Thrown by an applier when a compare-and-set failed: the transaction rolls back (nothing is
 * written) and the push answers `conflict` with the server's current version and contested values.
 */
export class MutationConflict extends CodedError {
  constructor(
    readonly serverVersion: number,
    readonly serverValue: Record<string, string | null>,
  ) {
    super('conflict', 'The record changed since this mutation was made.');
    this.name = 'MutationConflict';
  }
}

/**
 * Rejects a client-made id that is already taken (a twin, not a replay: replays are caught by the
 * mutation id). Checked before the service runs, so the insert never fails on the primary key.
 */
export async function assertIdFree(
  trx: Transaction<ServerDatabase>, table: 'cases' | 'reports' | 'tasks' | 'task_updates' | 'dash_assessments' | 'marac_referrals' | 'markers' | 'persons' | 'case_subjects'
    | 'locations' | 'case_locations', id: string,
): Promise<void> {
  const taken = await trx.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst();
  if (taken) {
    throw new CodedError('conflict', 'A record with this id already exists.');
  }
}
