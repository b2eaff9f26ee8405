/** Builds one page of a sync pull for a user from the change log, at one consistent snapshot. */
import type { Kysely, Transaction } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import { CodedError } from '../../domain/errors.ts';
import type { PullResponse } from '../../domain/http/sync-schemas.ts';
import type { PolicyUser } from '../../domain/policy/policy-user.ts';
import { pullBounds } from '../changes/next-seq.ts';
import { groupChanges, scanChangeLog } from './change-groups.ts';
import { lastMutationIdOf } from './client-binding.ts';
import { expandAccessChanges } from './expand-access.ts';
import { addPriorRemovals } from './prior-removals.ts';
import { resolveGroups } from './resolve-groups.ts';

/** What a pull asks for; `limit` bounds the change-log rows scanned, not only the results. */
export interface PullArgs {
  user: PolicyUser;
  cursor: number;
  limit: number;
  clientId?: string | undefined;
  /** The current time (ISO), for access grants. */
  at: string;
}

/** Reads the changes after `cursor` that concern the user, scanning at most `limit` change-log rows. */
export async function pullPage(db: Kysely<ServerDatabase>, dialect: 'sqlite' | 'postgres', args: PullArgs): Promise<PullResponse> {
  const tx = db.transaction();
  // Repeatable read pins one snapshot on PostgreSQL; SQLite's single writer gives the same.
  const runner = dialect === 'postgres' ? tx.setIsolationLevel('repeatable read') : tx;
  return runner.execute((trx) => readPage(trx, args));
}

async function readPage(trx: Transaction<ServerDatabase>, { user, cursor, limit, clientId, at }: PullArgs): Promise<PullResponse> {
  const { head, floor } = await pullBounds(trx);
  // No change-log compaction yet, so every cursor from 0 to head is usable, except one ahead of head
  // and one inside the changes logged before their `prior` was kept (their removals are unknown).
  if (cursor > head || (cursor > 0 && cursor < floor)) {
    throw new CodedError('reset_required', 'The sync cursor is not known to this server; start again.');
  }
  const scanned = await scanChangeLog(trx, cursor, limit + 1);
  const hasMore = scanned.length > limit;
  const page = scanned.slice(0, limit);
  const groups = await groupChanges(trx, page);
  const last = page.at(-1);
  // The page's cases are picked by the span it scanned, inside the visible-cases statement.
  const result = await resolveGroups(trx, user, at, groups, last === undefined ? undefined : { after: cursor, upTo: last.seq });
  await expandAccessChanges(trx, user, at, groups, result);
  await addPriorRemovals(trx, user, at, page, result);
  result.changes.sort((a, b) => a.seq - b.seq);
  return {
    changes: result.changes,
    removals: result.removals,
    cursor: String(hasMore && last ? last.seq : head),
    hasMore,
    lastMutationId: clientId === undefined ? 0 : await lastMutationIdOf(trx, clientId, user.id),
  };
}
