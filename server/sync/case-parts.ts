/** The records that travel with a case (and with a report or a person) when the user gains or loses it. */
import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import type { SyncEntity } from '../../domain/http/sync-schemas.ts';

/** A record to send, at the change-log position that made it visible. */
export type Part = { entity: SyncEntity; id: string; seq: number };

/**
 * The parts of cases; `all` includes those that cascade on the client (subjects, case locations,
 * reports, documents). Persons and locations never cascade from a case: they are always listed.
 */
export async function caseParts(db: Kysely<ServerDatabase>, caseIds: readonly string[], all: boolean): Promise<Array<{ entity: SyncEntity; id: string; caseId: string }>> {
  if (caseIds.length === 0) {
    return [];
  }
  const ids = [...caseIds];
  const subjects = await db.selectFrom('case_subjects').select(['id', 'case_id', 'person_id']).where('case_id', 'in', ids).execute();
  const tasks = await db.selectFrom('tasks').select(['id', 'case_id']).where('case_id', 'in', ids).execute();
  const markers = await db.selectFrom('markers').select(['id', 'subject_id as case_id'])
    .where('subject_type', '=', 'case').where('subject_id', 'in', ids).execute();
  const places = await db.selectFrom('case_locations').select(['id', 'case_id', 'location_id']).where('case_id', 'in', ids).execute();
  const parts: Array<{ entity: SyncEntity; id: string; caseId: string }> = [
    ...subjects.map((s) => ({ entity: 'person' as const, id: s.person_id, caseId: s.case_id })),
    ...places.map((l) => ({ entity: 'location' as const, id: l.location_id, caseId: l.case_id })),
    ...tasks.map((t) => ({ entity: 'task' as const, id: t.id, caseId: t.case_id })),
    ...markers.map((m) => ({ entity: 'marker' as const, id: m.id, caseId: m.case_id })),
  ];
  if (all) {
    const reports = await db.selectFrom('reports').select(['id', 'case_id']).where('case_id', 'in', ids).execute();
    const documents = await db.selectFrom('documents').select(['id', 'case_id']).where('case_id', 'in', ids).execute();
    parts.push(
      ...subjects.map((s) => ({ entity: 'case_subject' as const, id: s.id, caseId: s.case_id })),
      ...places.map((l) => ({ entity: 'case_location' as const, id: l.id, caseId: l.case_id })),
      ...reports.map((r) => ({ entity: 'report' as const, id: r.id, caseId: r.case_id })),
      ...documents.map((d) => ({ entity: 'document' as const, id: d.id, caseId: d.case_id })),
    );
  }
  return parts;
}

export async function reportDocuments(db: Kysely<ServerDatabase>, reportIds: readonly string[]): Promise<Array<{ entity: 'document'; id: string; reportId: string }>> {
  if (reportIds.length === 0) {
    return [];
  }
  const rows = await db.selectFrom('documents').select(['id', 'report_id']).where('report_id', 'in', [...reportIds]).execute();
  return rows.map((d) => ({ entity: 'document' as const, id: d.id, reportId: d.report_id ?? '' }));
}

/** The markers on persons, each at the position that made its person visible. */
export async function personMarkers(db: Kysely<ServerDatabase>, persons: ReadonlyArray<{ id: string; seq: number }>): Promise<Part[]> {
  return subjectMarkers(db, 'person', persons);
}

/** The markers on locations, each at the position that made its location visible. */
export async function locationMarkers(db: Kysely<ServerDatabase>, locations: ReadonlyArray<{ id: string; seq: number }>): Promise<Part[]> {
  return subjectMarkers(db, 'location', locations);
}

async function subjectMarkers(db: Kysely<ServerDatabase>, type: 'person' | 'location', subjects: ReadonlyArray<{ id: string; seq: number }>): Promise<Part[]> {
  if (subjects.length === 0) {
    return [];
  }
  const seqOfSubject = new Map(subjects.map((p) => [p.id, p.seq]));
  const rows = await db.selectFrom('markers').select(['id', 'subject_id']).where('subject_type', '=', type)
    .where('subject_id', 'in', [...seqOfSubject.keys()]).execute();
  return rows.map((m) => ({ entity: 'marker' as const, id: m.id, seq: seqOfSubject.get(m.subject_id) ?? 0 }));
}
