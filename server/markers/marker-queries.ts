/** Reads markers through the one marker visibility filter. */
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { MarkerTable, ServerDatabase } from '../../db/server/schema.ts';
import { CodedError } from '../../domain/errors.ts';
import { MarkerRecordSchema, type MarkerRecord } from '../../domain/entities/marker.ts';
import type { PolicyUser } from '../../domain/policy/policy-user.ts';
import type { MarkerSubjectType } from '../../domain/vocabulary.ts';
import { markerVisibleSql } from '../access/marker-visibility.ts';

type Db = Kysely<ServerDatabase> | Transaction<ServerDatabase>;

/** A marker row as the caller receives it. Only the owner agency may change a marker. */
export function toMarkerRecord(row: Selectable<MarkerTable>, user: PolicyUser, at: string): MarkerRecord {
  return MarkerRecordSchema.parse({
    id: row.id, subjectType: row.subject_type, subjectId: row.subject_id, markerType: row.marker_type,
    description: row.description, ownerAgencyId: row.owner_agency_id, createdBy: row.created_by,
    reviewDate: row.review_date, expiresAt: row.expires_at, active: row.expires_at === null || row.expires_at > at,
    createdAt: row.created_at, updatedAt: row.updated_at, version: row.version,
    abilities: { update: row.owner_agency_id === user.agencyId },
  });
}

/** The visible markers on any of the subjects; expired ones only when asked. */
export async function listMarkersOn(
  db: Db, user: PolicyUser, at: string, subjects: { type: MarkerSubjectType; ids: readonly string[] }[], includeExpired: boolean,
): Promise<MarkerRecord[]> {
  const wanted = subjects.filter((s) => s.ids.length > 0);
  if (wanted.length === 0) {
    return [];
  }
  const rows = await db.selectFrom('markers').selectAll()
    .where((eb) => eb.or(wanted.map((s) => eb.and([eb('markers.subject_type', '=', s.type), eb('markers.subject_id', 'in', [...s.ids])]))))
    .$if(!includeExpired, (qb) => qb.where((eb) => eb.or([eb('markers.expires_at', 'is', null), eb('markers.expires_at', '>', at)])))
    .where(markerVisibleSql(user, at, 'markers'))
    .orderBy('markers.created_at', 'desc').orderBy('markers.id')
    .execute();
  return rows.map((r) => toMarkerRecord(r, user, at));
}

/** Loads a marker the user may see; 404 otherwise. */
export async function loadVisibleMarker(db: Db, id: string, user: PolicyUser, at: string): Promise<Selectable<MarkerTable>> {
  const row = await db.selectFrom('markers').selectAll().where('markers.id', '=', id).where(markerVisibleSql(user, at, 'markers')).executeTakeFirst();
  if (!row) {
    throw new CodedError('not_found', 'No such marker.');
  }
  return row;
}
