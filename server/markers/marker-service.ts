/** Writes markers: place one on a subject the caller can see, and change it (owner agency only). */
import { sql, type Selectable, type SqlBool, type Transaction } from 'kysely';
import type { MarkerTable, ServerDatabase } from '../../db/server/schema.ts';
import { CodedError } from '../../domain/errors.ts';
import type { CreateMarkerBody, PatchMarkerBody } from '../../domain/entities/marker.ts';
import { newId } from '../../domain/ids.ts';
import type { PolicyUser } from '../../domain/policy/policy-user.ts';
import type { MarkerSubjectType } from '../../domain/vocabulary.ts';
import { caseVisibleSql } from '../access/case-visibility.ts';
import { personFullSql } from '../access/person-visibility.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { isoOf, type WriteContext } from '../changes/write-context.ts';
import { capturePrior } from '../changes/capture-prior.ts';
import { notifyMarkerAdded } from '../notifications/notify-users.ts';
import { recordChange } from '../changes/record-change.ts';
import { loadVisibleMarker } from './marker-queries.ts';

type Trx = Transaction<ServerDatabase>;

/** True when the user may see the subject itself: the case, the full person, or the location (owned, or in a visible case). */
async function seesSubject(trx: Trx, user: PolicyUser, at: string, type: MarkerSubjectType, id: string): Promise<boolean> {
  switch (type) {
    case 'case':
      return (await trx.selectFrom('cases').select('id').where('cases.id', '=', id).where(caseVisibleSql(user, at, 'cases')).executeTakeFirst()) !== undefined;
    case 'person':
      return (await trx.selectFrom('persons').select('id').where('persons.id', '=', id).where(personFullSql(user, at, 'persons')).executeTakeFirst()) !== undefined;
    case 'location':
      return (await trx.selectFrom('locations').select('id').where('locations.id', '=', id).where(sql<SqlBool>`(locations.owner_agency_id = ${user.agencyId}
        or exists (select 1 from case_locations scl join cases slc on slc.id = scl.case_id where scl.location_id = locations.id and ${caseVisibleSql(user, at, 'slc')}))`)
        .executeTakeFirst()) !== undefined;
  }
}

/** Places a marker owned by the caller's agency on a subject they can see (404 otherwise). */
export async function createMarker(trx: Trx, w: WriteContext, body: CreateMarkerBody, id: string = newId()): Promise<Selectable<MarkerTable>> {
  const at = isoOf(w);
  if (!(await seesSubject(trx, w.user, at, body.subjectType, body.subjectId))) {
    throw new CodedError('not_found', `No such ${body.subjectType}.`);
  }
  await trx.insertInto('markers').values({
    id, subject_type: body.subjectType, subject_id: body.subjectId, marker_type: body.markerType, description: body.description,
    owner_agency_id: w.user.agencyId, created_by: w.user.id, review_date: body.reviewDate, expires_at: body.expiresAt,
    created_at: at, updated_at: at, version: 1,
  }).execute();
  await recordChange(trx, { entity: 'marker', entityId: id, op: 'upsert', caseId: body.subjectType === 'case' ? body.subjectId : null, at });
  await recordAudit(trx, {
    actor: w.actor, action: 'record.create', entityType: 'marker', entityId: id, outcome: 'success', at: w.now,
    details: { subjectType: body.subjectType, subjectId: body.subjectId, markerType: body.markerType },
  });
  await notifyMarkerAdded(trx, body.subjectType, body.subjectId, id, at);
  return loadVisibleMarker(trx, id, w.user, at);
}

/** Changes a marker; only its owner agency may (403 for others who see it, 404 for those who do not). */
export async function updateMarker(trx: Trx, w: WriteContext, markerId: string, patch: PatchMarkerBody): Promise<Selectable<MarkerTable>> {
  const at = isoOf(w);
  const row = await loadVisibleMarker(trx, markerId, w.user, at);
  if (row.owner_agency_id !== w.user.agencyId) {
    throw new CodedError('authorization_error', 'Only the agency that placed the marker may change it.');
  }
  const next = {
    marker_type: patch.markerType ?? row.marker_type,
    description: patch.description ?? row.description,
    review_date: patch.reviewDate ?? row.review_date,
    expires_at: patch.expiresAt !== undefined ? patch.expiresAt : row.expires_at,
  };
  const changes: Record<string, [unknown, unknown]> = {};
  for (const key of Object.keys(next) as (keyof typeof next)[]) {
    if (next[key] !== row[key]) {
      changes[key] = [row[key], next[key]];
    }
  }
  if (Object.keys(changes).length === 0) {
    return row;
  }
  const set = Object.fromEntries(Object.keys(changes).map((k) => [k, next[k as keyof typeof next]])) as Partial<typeof next>;
  // A changed type can change who sees the marker (staff safety reaches every involved agency).
  const op = changes.marker_type ? 'access' : 'upsert';
  const prior = op === 'access' ? await capturePrior(trx, 'marker', markerId, at) : null;
  await trx.updateTable('markers').set((eb) => ({ ...set, updated_at: at, version: eb('version', '+', 1) })).where('id', '=', markerId).execute();
  await recordChange(trx, { entity: 'marker', entityId: markerId, op, caseId: row.subject_type === 'case' ? row.subject_id : null, at, prior });
  await recordAudit(trx, { actor: w.actor, action: 'record.update', entityType: 'marker', entityId: markerId, outcome: 'success', at: w.now, details: { changes } });
  return loadVisibleMarker(trx, markerId, w.user, at);
}
