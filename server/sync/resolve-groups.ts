/** Decides, for each touched record, what the user gets now: the record, a removal, or nothing. */
import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import type { SyncChange, SyncEntity, SyncRemoval } from '../../domain/http/sync-schemas.ts';
import type { PolicyUser } from '../../domain/policy/policy-user.ts';
import type { ChangeGroup } from './change-groups.ts';
import { SYNC_LOADERS, type SyncRecord } from './loaders/index.ts';

/** What the user is told about a set of records. */
export interface Resolution {
  changes: SyncChange[];
  removals: SyncRemoval[];
}

/** Loads the currently visible records among the groups, entity by entity. */
export async function loadVisible(
  db: Kysely<ServerDatabase>, user: PolicyUser, at: string, groups: readonly { entity: SyncEntity; id: string }[],
): Promise<Map<string, SyncRecord>> {
  const visible = new Map<string, SyncRecord>();
  const byEntity = new Map<SyncEntity, string[]>();
  for (const g of groups) {
    const ids = byEntity.get(g.entity);
    if (ids) {
      ids.push(g.id);
    } else {
      byEntity.set(g.entity, [g.id]);
    }
  }
  for (const [entity, ids] of byEntity) {
    for (let i = 0; i < ids.length; i += 500) {
      const found = await SYNC_LOADERS[entity](db, user, at, ids.slice(i, i + 500));
      for (const [id, record] of found) {
        visible.set(`${entity}:${id}`, record);
      }
    }
  }
  return visible;
}

/**
 * Visible now → the current record; not visible → nothing here: removals come only from who could
 * see the record before a change (`addPriorRemovals`), never from "cannot see it now" alone.
 */
export async function resolveGroups(
  db: Kysely<ServerDatabase>, user: PolicyUser, at: string, groups: readonly ChangeGroup[],
): Promise<Resolution> {
  const visible = await loadVisible(db, user, at, groups);
  const changes: SyncChange[] = [];
  const removals: SyncRemoval[] = [];
  for (const g of groups) {
    const record = visible.get(`${g.entity}:${g.id}`);
    if (record) {
      changes.push({ ...record, seq: g.seq });
    }
  }
  return { changes, removals };
}
