/**
 * When who-may-see-a-case changed, its parts follow: a user who gained the case gets its parts
 * (logged long before their cursor); a user who lost it is told to drop the parts that do not
 * cascade on the client (tasks, markers, persons), see SyncRemovalSchema.
 */
import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import type { SyncEntity, SyncRemoval } from '../../domain/http/sync-schemas.ts';
import type { PolicyUser } from '../../domain/policy/policy-user.ts';
import type { ChangeGroup } from './change-groups.ts';
import { loadVisible, type Resolution } from './resolve-groups.ts';

type Part = { entity: SyncEntity; id: string; seq: number };

/** Adds the parts of cases (and reports) whose access changed to the resolution, in place. */
export async function expandAccessChanges(
  db: Kysely<ServerDatabase>, user: PolicyUser, at: string, groups: readonly ChangeGroup[], result: Resolution,
): Promise<void> {
  const seqOf = new Map(groups.filter((g) => g.removable).map((g) => [`${g.entity}:${g.id}`, g.seq]));
  const gainedCases = result.changes.filter((c) => c.entity === 'case' && seqOf.has(`case:${c.data.id}`)).map((c) => c.data.id);
  const lostCases = result.removals.filter((r) => r.entity === 'case').map((r) => r.id);
  const gainedReports = result.changes.filter((c) => c.entity === 'report' && seqOf.has(`report:${c.data.id}`)).map((c) => c.data.id);
  const seqFor = (entity: 'case' | 'report', id: string) => seqOf.get(`${entity}:${id}`) ?? 0;

  // A person logged before the cursor becomes visible when they become a subject of a visible case.
  const subjectPersons = result.changes.flatMap((c): Part[] => (c.entity === 'case_subject' ? [{ entity: 'person', id: c.data.personId, seq: c.seq }] : []));
  const gained: Part[] = [
    ...(await caseParts(db, gainedCases, true)).map((p) => ({ ...p, seq: seqFor('case', p.caseId) })),
    ...(await reportDocuments(db, gainedReports)).map((p) => ({ ...p, seq: seqFor('report', p.reportId) })),
    ...subjectPersons,
  ];
  // Markers on a person the user gains (through a case, a subject or a grant) were logged long before too.
  const gainedPersons = [
    ...gained.filter((p) => p.entity === 'person'),
    ...result.changes.filter((c) => c.entity === 'person' && seqOf.has(`person:${c.data.id}`)).map((c) => ({ id: c.data.id, seq: c.seq })),
  ];
  gained.push(...(await personMarkers(db, gainedPersons)));
  const known = new Set([...result.changes.map((c) => `${c.entity}:${c.data.id}`), ...result.removals.map((r) => `${r.entity}:${r.id}`)]);
  const visible = await loadVisible(db, user, at, gained);
  for (const part of gained) {
    const key = `${part.entity}:${part.id}`;
    const record = visible.get(key);
    if (record && !known.has(key)) {
      known.add(key);
      result.changes.push({ ...record, seq: part.seq });
    }
  }

  const lost = await caseParts(db, lostCases, false);
  const stillVisible = await loadVisible(db, user, at, lost);
  for (const part of lost) {
    const key = `${part.entity}:${part.id}`;
    if (!stillVisible.has(key) && !known.has(key)) {
      known.add(key);
      result.removals.push({ entity: part.entity, id: part.id } satisfies SyncRemoval);
    }
  }
  result.changes.sort((a, b) => a.seq - b.seq);
}

/** The parts of cases; `all` includes those that cascade on the client (subjects, reports, documents). */
async function caseParts(db: Kysely<ServerDatabase>, caseIds: readonly string[], all: boolean): Promise<Array<{ entity: SyncEntity; id: string; caseId: string }>> {
  if (caseIds.length === 0) {
    return [];
  }
  const ids = [...caseIds];
  const subjects = await db.selectFrom('case_subjects').select(['id', 'case_id', 'person_id']).where('case_id', 'in', ids).execute();
  const tasks = await db.selectFrom('tasks').select(['id', 'case_id']).where('case_id', 'in', ids).execute();
  const markers = await db.selectFrom('markers').select(['id', 'subject_id as case_id'])
    .where('subject_type', '=', 'case').where('subject_id', 'in', ids).execute();
  const parts: Array<{ entity: SyncEntity; id: string; caseId: string }> = [
    ...subjects.map((s) => ({ entity: 'person' as const, id: s.person_id, caseId: s.case_id })),
    ...tasks.map((t) => ({ entity: 'task' as const, id: t.id, caseId: t.case_id })),
    ...markers.map((m) => ({ entity: 'marker' as const, id: m.id, caseId: m.case_id })),
  ];
  if (all) {
    const reports = await db.selectFrom('reports').select(['id', 'case_id']).where('case_id', 'in', ids).execute();
    const documents = await db.selectFrom('documents').select(['id', 'case_id']).where('case_id', 'in', ids).execute();
    parts.push(
      ...subjects.map((s) => ({ entity: 'case_subject' as const, id: s.id, caseId: s.case_id })),
      ...reports.map((r) => ({ entity: 'report' as const, id: r.id, caseId: r.case_id })),
      ...documents.map((d) => ({ entity: 'document' as const, id: d.id, caseId: d.case_id })),
    );
  }
  return parts;
}

async function reportDocuments(db: Kysely<ServerDatabase>, reportIds: readonly string[]): Promise<Array<{ entity: 'document'; id: string; reportId: string }>> {
  if (reportIds.length === 0) {
    return [];
  }
  const rows = await db.selectFrom('documents').select(['id', 'report_id']).where('report_id', 'in', [...reportIds]).execute();
  return rows.map((d) => ({ entity: 'document' as const, id: d.id, reportId: d.report_id ?? '' }));
}

/** The markers on persons, each at the position that made its person visible. */
async function personMarkers(db: Kysely<ServerDatabase>, persons: ReadonlyArray<{ id: string; seq: number }>): Promise<Part[]> {
  if (persons.length === 0) {
    return [];
  }
  const seqOfPerson = new Map(persons.map((p) => [p.id, p.seq]));
  const rows = await db.selectFrom('markers').select(['id', 'subject_id']).where('subject_type', '=', 'person')
    .where('subject_id', 'in', [...seqOfPerson.keys()]).execute();
  return rows.map((m) => ({ entity: 'marker' as const, id: m.id, seq: seqOfPerson.get(m.subject_id) ?? 0 }));
}
