/** Decides, for each touched record, what the user gets now: the record, a removal, or nothing. */
import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import type { SyncChange, SyncEntity, SyncRemoval } from '../../domain/http/sync-schemas.ts';
import type { PolicyUser } from '../../domain/policy/policy-user.ts';
import type { ChangeGroup } from './change-groups.ts';
import { loadCasesLoggedIn, type LogSpan } from './loaders/core-loaders.ts';
import { SYNC_LOADERS, type SyncRecord } from './loaders/index.ts';

/** What the user is told about a set of records. */
export interface Resolution {
  changes: SyncChange[];
  removals: SyncRemoval[];
}

/**
 * Loads the currently visible records among the groups, entity by entity. With `casesIn`, the
 * groups' cases are exactly those logged in that span of the change log (a pull page's own groups),
 * and they are picked by the span inside the statement instead of by id.
 */
export async function loadVisible(
  db: Kysely<ServerDatabase>, user: PolicyUser, at: string, groups: readonly { entity: SyncEntity; id: string }[], casesIn?: LogSpan,
): Promise<Map<string, SyncRecord>> {
  const visible = new Map<string, SyncRecord>();
  const byEntity = new Map<SyncEntity, string[]>();
  if (casesIn !== undefined && groups.some((g) => g.entity === 'case')) {
    for (const [id, record] of await loadCasesLoggedIn(db, user, at, casesIn)) {
      visible.set(`case:${id}`, record);
    }
  }
  for (const g of groups) {
    if (casesIn !== undefined && g.entity === 'case') {
      continue;
    }
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
 * `span` is the part of the change log the groups were folded from, when they are all of it.
 */
export async function resolveGroups(
  db: Kysely<ServerDatabase>, user: PolicyUser, at: string, groups: readonly ChangeGroup[], span?: LogSpan,
): Promise<Resolution> {
  const visible = await loadVisible(db, user, at, groups, span);
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
