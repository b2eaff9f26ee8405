/**
 * The removals of a pull page: a record is removed only for a user who could see it just before a
 * change in the page (the `prior` the change log kept, judged by the pure policy) and cannot see it
 * now. A user who never saw a record never learns its id, and one who had it always loses it.
 */
import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import type { SyncEntity, SyncRemoval } from '../../domain/http/sync-schemas.ts';
import type { PolicyUser } from '../../domain/policy/policy-user.ts';
import { priorAdmits, type PriorSnapshot } from '../changes/prior-snapshot.ts';
import type { ChangeRow } from './change-groups.ts';
import { loadVisible, type Resolution } from './resolve-groups.ts';

/** Adds to `result.removals` every record the user saw before a change in `rows` and cannot see now. */
export async function addPriorRemovals(
  db: Kysely<ServerDatabase>, user: PolicyUser, at: string, rows: readonly ChangeRow[], result: Resolution,
): Promise<void> {
  const seen = new Map<string, { entity: SyncEntity; id: string }>();
  for (const row of rows) {
    if (row.prior === null) {
      continue;
    }
    // Written by capturePrior in the same transaction as the change; never client input.
    const snapshot = JSON.parse(row.prior) as PriorSnapshot;
    for (const record of snapshot.records) {
      const key = `${record.entity}:${record.id}`;
      if (!seen.has(key) && priorAdmits(user, snapshot, record, row.at)) {
        seen.set(key, { entity: record.entity, id: record.id });
      }
    }
  }
  if (seen.size === 0) {
    return;
  }
  const visible = await loadVisible(db, user, at, [...seen.values()]);
  const sent = new Set(result.changes.map((c) => `${c.entity}:${c.data.id}`));
  for (const [key, record] of seen) {
    if (!visible.has(key) && !sent.has(key)) {
      result.removals.push({ entity: record.entity, id: record.id } satisfies SyncRemoval);
    }
  }
}
