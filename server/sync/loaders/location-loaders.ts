/** Sync loaders for locations (addresses: the most sensitive data in the product) and their links to cases. */
import { SyncCaseLocationSchema, SyncLocationSchema } from '../../../domain/sync/sync-records.ts';
import { caseIdVisibleSql } from '../../access/case-visibility.ts';
import { locationVisibleSql } from '../../access/location-visibility.ts';
import { toLocationRecord } from '../../locations/location-record.ts';
import { byId, type SyncLoader } from './sync-record.ts';

/** Locations the user may see now (the SQL twin of `canSeeLocation`), each with the user's location abilities. */
export const loadLocations: SyncLoader = async (db, user, at, ids) => {
  const rows = await db.selectFrom('locations').selectAll().where('id', 'in', ids).where(locationVisibleSql(user, at, 'locations')).execute();
  return byId(rows.map((row) => ({ entity: 'location' as const, data: SyncLocationSchema.parse(toLocationRecord(user, row)) })));
};

/** Links of locations to cases the user may see (the location itself is then visible too, by the same rule). */
export const loadCaseLocations: SyncLoader = async (db, user, at, ids) => {
  const rows = await db.selectFrom('case_locations').selectAll().where('id', 'in', ids)
    .where(caseIdVisibleSql(user, at, 'case_locations.case_id')).execute();
  return byId(rows.map((l) => ({
    entity: 'case_location' as const,
    data: SyncCaseLocationSchema.parse({ id: l.id, caseId: l.case_id, locationId: l.location_id, description: l.description, createdAt: l.created_at }),
  })));
};
