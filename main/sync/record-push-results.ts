/** Writes the server's verdict on each pushed mutation into the outbox — applied, rejected or in conflict. */
import type { Kysely } from 'kysely';
import type { PushResult } from '../../domain/http/sync-schemas.ts';
import { newId } from '../../domain/ids.ts';
import { CASE_SAFETY_FIELDS } from '../../domain/sync/mutations.ts';
import type { MutationArgs } from '../../domain/sync/mutations.ts';
import { undoOptimistic } from './optimistic-apply.ts';
import type { OutboxItem } from './outbox-item.ts';
import { notePersonReview } from './person-reviews.ts';
import type { SyncCacheDatabase } from './sync-cache-db.ts';

type Db = Kysely<SyncCacheDatabase>;

/**
 * Applied items leave the outbox (a person the server finds likely to be someone it holds becomes
 * a person to review for `userId`); rejected ones stay, marked, with the server's error; conflicts
 * stay with a conflict record. Refused local effects are undone. Items with no result stay pending.
 * Returns how many items got a verdict. Call inside one transaction.
 */
export async function recordPushResults(db: Db, batch: OutboxItem[], results: PushResult[], at: string, userId: string): Promise<number> {
  const byId = new Map(results.map((r) => [r.mutationId, r]));
  let handled = 0;
  for (const item of batch) {
    const result = byId.get(item.mutationId);
    if (!result) {
      continue;
    }
    handled += 1;
    if (result.status === 'applied') {
      if (item.name === 'person.create' && result.likelyMatches && result.likelyMatches.length > 0) {
        await notePersonReview(db, userId, item.args as MutationArgs<'person.create'>, result.likelyMatches, at);
      }
      await db.deleteFrom('outbox').where('mutation_id', '=', item.mutationId).execute();
      continue;
    }
    await undoOptimistic(db, item.name, item.args, item.before);
    if (result.status === 'rejected') {
      const error = result.error ?? { code: 'internal_error', message: 'The server refused this change without saying why.' };
      await db.updateTable('outbox').set({ state: 'rejected', error_code: error.code, error_message: error.message })
        .where('mutation_id', '=', item.mutationId).execute();
      continue;
    }
    await db.updateTable('outbox').set({ state: 'conflict', error_code: 'conflict', error_message: 'The record changed on the server.' })
      .where('mutation_id', '=', item.mutationId).execute();
    await db.insertInto('sync_conflicts').values(conflictRecord(item, result, at))
      .onConflict((oc) => oc.column('mutation_id').doNothing()).execute();
  }
  return handled;
}

function conflictRecord(item: OutboxItem, result: PushResult, at: string) {
  const serverValue = result.serverValue ?? {};
  const args = item.args as Record<string, unknown>;
  const safety = CASE_SAFETY_FIELDS.filter((f) => args[f] !== undefined);
  const fields = safety.length > 0 ? safety : Object.keys(serverValue);
  const pick = (source: Record<string, unknown>) => Object.fromEntries(fields.map((f) => [f, typeof source[f] === 'string' ? source[f] : null]));
  // An edit of a report is about the report; the other mutations name their case or task.
  const entityId = item.name === 'report.update' && typeof args.reportId === 'string' ? args.reportId
    : typeof args.caseId === 'string' ? args.caseId : typeof args.taskId === 'string' ? args.taskId : '';
  return {
    id: newId(),
    mutation_id: item.mutationId,
    entity: item.name.split('.')[0] ?? item.name,
    entity_id: entityId,
    fields: JSON.stringify(fields),
    mine: JSON.stringify(pick(args)),
    theirs: JSON.stringify(pick(serverValue)),
    server_version: result.serverVersion ?? item.baseVersion ?? 1,
    created_at: at,
  };
}
