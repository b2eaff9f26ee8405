/** Location rows to the wire shape, with the caller's abilities. */
import type { Kysely, Selectable } from 'kysely';
import type { LocationTable, ServerDatabase } from '../../db/server/schema.ts';
import { LocationRecordSchema, type LocationRecord } from '../../domain/entities/location.ts';
import { CodedError } from '../../domain/errors.ts';
import { locationAbilities } from '../../domain/persons/person-abilities.ts';
import type { PolicyUser } from '../../domain/policy/policy-user.ts';
import { locationVisibleSql } from '../access/location-visibility.ts';

/** Maps a row to the record the caller receives. */
export function toLocationRecord(user: PolicyUser, row: Selectable<LocationTable>): LocationRecord {
  return LocationRecordSchema.parse({
    id: row.id, addressLine: row.address_line, town: row.town, postcode: row.postcode, uprn: row.uprn,
    latitude: row.latitude === null ? null : Number(row.latitude), longitude: row.longitude === null ? null : Number(row.longitude),
    ownerAgencyId: row.owner_agency_id, createdAt: row.created_at, updatedAt: row.updated_at, version: Number(row.version),
    abilities: locationAbilities(user, { ownerAgencyId: row.owner_agency_id }),
  });
}

/** The location if the caller may see it; `not_found` otherwise. */
export async function loadVisibleLocation(
  db: Kysely<ServerDatabase>, user: PolicyUser, at: string, id: string,
): Promise<Selectable<LocationTable>> {
  const row = await db.selectFrom('locations').selectAll().where('id', '=', id).where(locationVisibleSql(user, at, 'locations')).executeTakeFirst();
  if (!row) {
    throw new CodedError('not_found', 'No such location.');
  }
  return row;
}
