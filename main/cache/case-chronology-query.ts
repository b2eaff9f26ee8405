/**
 * A case's chronology from the cache: the case opened, people and places added, reports, documents,
 * warnings placed and ended (on the case, its people and its places), tasks set and their updates;
 * newest first. Changes of status and sharing are not kept as history in the offline copy.
 */
import type { Kysely } from 'kysely';
import type { CacheDatabase } from '../../db/cache/schema.ts';
import { CodedError } from '../../domain/errors.ts';
import { CaseChronologySchema, type CaseChronology, type ChronologyEntry } from '../../domain/ipc/case-chronology.ts';
import { MarkerTypeSchema } from '../../domain/vocabulary.ts';

const UNKNOWN_AGENCY = 'Unknown agency';
// A type this build does not know (a newer server's) still shows, as a warning of another kind.
const KnownMarkerType = MarkerTypeSchema.catch('other');

/** Reads the chronology of `caseId` as of `at` (a warning's end is an entry once it has passed); `not_found` when the cache does not hold the case. */
export async function queryCaseChronology(db: Kysely<CacheDatabase>, caseId: string, at: Date): Promise<CaseChronology> {
  const row = await db.selectFrom('cases').leftJoin('agencies', 'agencies.id', 'cases.owner_agency_id')
    .select(['cases.created_at', 'cases.title', 'agencies.name as agency_name']).where('cases.id', '=', caseId).executeTakeFirst();
  if (!row) {
    throw new CodedError('not_found', 'This case is not in your offline copy.');
  }
  const [subjects, places, reports, documents, markers, tasks] = await Promise.all([
    db.selectFrom('case_subjects').leftJoin('persons', 'persons.id', 'case_subjects.person_id')
      .select(['case_subjects.id', 'case_subjects.created_at', 'case_subjects.role', 'persons.given_name', 'persons.family_name'])
      .where('case_subjects.case_id', '=', caseId).execute(),
    db.selectFrom('case_locations').innerJoin('locations', 'locations.id', 'case_locations.location_id')
      .select(['case_locations.id', 'case_locations.created_at', 'locations.address_line', 'locations.postcode'])
      .where('case_locations.case_id', '=', caseId).execute(),
    db.selectFrom('reports').leftJoin('agencies', 'agencies.id', 'reports.author_agency_id')
      .select(['reports.id', 'reports.created_at', 'reports.title', 'agencies.name as agency_name']).where('reports.case_id', '=', caseId).execute(),
    db.selectFrom('documents').leftJoin('agencies', 'agencies.id', 'documents.owner_agency_id')
      .select(['documents.id', 'documents.created_at', 'documents.file_name', 'agencies.name as agency_name']).where('documents.case_id', '=', caseId).execute(),
    db.selectFrom('markers').leftJoin('agencies', 'agencies.id', 'markers.owner_agency_id')
      .select(['markers.id', 'markers.created_at', 'markers.expires_at', 'markers.marker_type', 'markers.description', 'agencies.name as agency_name'])
      .where((eb) => eb.or([
        eb.and([eb('markers.subject_type', '=', 'case'), eb('markers.subject_id', '=', caseId)]),
        eb.and([eb('markers.subject_type', '=', 'person'), eb('markers.subject_id', 'in', eb.selectFrom('case_subjects').select('person_id').where('case_id', '=', caseId))]),
        eb.and([eb('markers.subject_type', '=', 'location'), eb('markers.subject_id', 'in', eb.selectFrom('case_locations').select('location_id').where('case_id', '=', caseId))]),
      ])).execute(),
    db.selectFrom('tasks').leftJoin('agencies', 'agencies.id', 'tasks.assignee_agency_id')
      .select(['tasks.id', 'tasks.created_at', 'tasks.title', 'tasks.updates', 'agencies.name as agency_name']).where('tasks.case_id', '=', caseId).execute(),
  ]);
  const entries: ChronologyEntry[] = [
    { key: `case:${caseId}`, at: row.created_at, kind: 'case_opened', text: row.title, markerType: null, agencyName: row.agency_name ?? UNKNOWN_AGENCY, taskId: null },
    ...subjects.map((s) => ({
      key: `person:${s.id}`, at: s.created_at, kind: 'person_added' as const, markerType: null, agencyName: null, taskId: null,
      text: s.given_name === null || s.family_name === null ? 'Someone whose record is not on this computer' : `${s.given_name} ${s.family_name}`,
    })),
    ...places.map((p) => ({ key: `place:${p.id}`, at: p.created_at, kind: 'place_added' as const, markerType: null, text: [p.address_line, p.postcode].filter((x) => x !== '').join(', '), agencyName: null, taskId: null })),
    ...reports.map((r) => ({ key: `report:${r.id}`, at: r.created_at, kind: 'report' as const, markerType: null, text: r.title, agencyName: r.agency_name ?? UNKNOWN_AGENCY, taskId: null })),
    ...documents.map((d) => ({ key: `document:${d.id}`, at: d.created_at, kind: 'document' as const, markerType: null, text: d.file_name, agencyName: d.agency_name ?? UNKNOWN_AGENCY, taskId: null })),
    ...markers.flatMap((m) => {
      const common = { text: m.description, markerType: KnownMarkerType.parse(m.marker_type), agencyName: m.agency_name ?? UNKNOWN_AGENCY, taskId: null };
      const placed = { ...common, key: `marker:${m.id}`, at: m.created_at, kind: 'marker_placed' as const };
      const ended = m.expires_at !== null && Date.parse(m.expires_at) <= at.getTime();
      return ended ? [placed, { ...common, key: `marker-end:${m.id}`, at: m.expires_at!, kind: 'marker_ended' as const }] : [placed];
    }),
    ...tasks.flatMap((t) => [
      { key: `task:${t.id}`, at: t.created_at, kind: 'task_set' as const, markerType: null, text: t.title, agencyName: t.agency_name ?? UNKNOWN_AGENCY, taskId: t.id },
      ...taskUpdates(t.updates).map((u) => ({ key: `task-update:${u.id}`, at: u.createdAt, kind: 'task_update' as const, markerType: null, text: `${t.title}: ${u.body}`, agencyName: null, taskId: t.id })),
    ]),
  ];
  // Newest first; at the same moment, the later kind in the list above first, then by key (stable across reads).
  entries.sort((a, b) => b.at.localeCompare(a.at) || b.key.localeCompare(a.key));
  return CaseChronologySchema.parse({ entries });
}

function taskUpdates(json: string): Array<{ id: string; body: string; createdAt: string }> {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? (value as Array<{ id: string; body: string; createdAt: string }>) : [];
  } catch {
    return [];
  }
}
