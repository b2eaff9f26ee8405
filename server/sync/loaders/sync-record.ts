/** The shape every sync loader returns: the current record of each visible id. */
import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../../../db/server/schema.ts';
import type { SyncChange, SyncEntity } from '../../../domain/http/sync-schemas.ts';
import type { PolicyUser } from '../../../domain/policy/policy-user.ts';

/** A change before it is given its change-log position. */
export type SyncRecord = { [E in SyncEntity]: { entity: E; data: Extract<SyncChange, { entity: E }>['data'] } }[SyncEntity];

/** Loads the records among `ids` the user may see now (`at`), keyed by id; an absent id is not visible (or gone). */
export type SyncLoader = (db: Kysely<ServerDatabase>, user: PolicyUser, at: string, ids: readonly string[]) => Promise<Map<string, SyncRecord>>;

/** Keys records by id. */
export function byId<T extends SyncRecord>(records: readonly T[]): Map<string, SyncRecord> {
  return new Map(records.map((r) => [r.data.id, r]));
}
