/** Carries out the user's answer to a conflict: keep mine, take theirs, or merge the text. */
import type { Kysely } from 'kysely';
import { CodedError } from '../../domain/errors.ts';
import type { ResolveConflictInput } from '../../domain/ipc/sync-channels.ts';
import { toOutboxItem } from './outbox-item.ts';
import { queueLocalChange } from './queue-local-change.ts';
import type { LocalActor, SyncCacheDatabase } from './sync-cache-db.ts';

/** Free-text fields a merge may replace (the others are choices: keep mine or take theirs). */
export const MERGEABLE_TEXT_FIELDS: readonly string[] = ['closureReason', 'title', 'body'];

/**
 * Resolves inside the caller's transaction. Keep mine and merge queue a new mutation based on the
 * server's version (so compare-and-set passes unless the record moved again); take theirs drops
 * mine. Returns the new mutation id, or null when nothing was queued.
 */
export async function resolveConflict(trx: Kysely<SyncCacheDatabase>, input: ResolveConflictInput, actor: LocalActor, at: string): Promise<number | null> {
  const conflict = await trx.selectFrom('sync_conflicts').selectAll().where('id', '=', input.conflictId).executeTakeFirst();
  const row = conflict && await trx.selectFrom('outbox').selectAll().where('mutation_id', '=', conflict.mutation_id).executeTakeFirst();
  if (!conflict || !row) {
    throw new CodedError('not_found', 'This conflict no longer exists.');
  }
  const item = toOutboxItem(row);
  let args = item.args as Record<string, unknown>;
  if (input.choice === 'merge') {
    const textFields = (JSON.parse(conflict.fields) as string[]).filter((f) => MERGEABLE_TEXT_FIELDS.includes(f));
    if (textFields.length !== 1) {
      throw new CodedError('validation_error', 'This conflict has no single text field to merge; keep yours or take theirs.');
    }
    args = { ...args, [textFields[0]!]: input.mergedText };
  }
  await trx.deleteFrom('sync_conflicts').where('id', '=', conflict.id).execute();
  await trx.deleteFrom('outbox').where('mutation_id', '=', item.mutationId).execute();
  if (input.choice === 'take_theirs') {
    return null;
  }
  return queueLocalChange(trx, { name: item.name, args, baseVersion: conflict.server_version }, actor, at);
}
