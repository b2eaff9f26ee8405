/**
 * One case from the cache with what the case screen shows: subjects, active markers (on the case, its
 * people and its places), open tasks, newest reports, documents, unsettled local changes.
 */
import { sql, type Kysely } from 'kysely';
import type { CacheDatabase } from '../../db/cache/schema.ts';
import { CaseAbilitiesSchema } from '../../domain/entities/case.ts';
import { CodedError } from '../../domain/errors.ts';
import { CaseDetailViewSchema, type CaseDetailView } from '../../domain/ipc/case-detail-view.ts';
import { CASE_ACTIONS } from '../../domain/policy/case-policy.ts';
import { isMarkerActive } from './marker-active.ts';
import { isDocumentDeletable } from './document-deletable.ts';
import { isMarkerEditable } from './marker-editable.ts';
import { REPORT_SUMMARY_CHARS, reportSummary } from './report-summary.ts';

/** How many of a case's reports are listed (newest first); `reportCount` tells the rest. */
export const CASE_DETAIL_REPORTS = 50;

// Twice the summary: room for whitespace the summary collapses.
const BODY_START_CHARS = REPORT_SUMMARY_CHARS * 2;
const UNKNOWN_AGENCY = 'Unknown agency';
// Without abilities from the server the screen offers no action: the server re-checks every change anyway.
const NO_ABILITIES = Object.fromEntries(CASE_ACTIONS.map((a) => [a, false])) as CaseDetailView['case']['abilities'];

/** Reads the case `caseId` as of `at` (markers past their expiry are left out); `not_found` when the cache does not hold it. */
export async function queryCaseDetail(db: Kysely<CacheDatabase>, caseId: string, at: Date): Promise<CaseDetailView> {
  const row = await db.selectFrom('cases').leftJoin('agencies', 'agencies.id', 'cases.owner_agency_id')
    .select([
      'cases.id', 'cases.reference', 'cases.title', 'cases.case_type', 'cases.status', 'cases.closure_reason', 'cases.risk_level',
      'cases.review_date', 'cases.sharing_level', 'cases.created_at', 'cases.updated_at', 'cases.version', 'cases.abilities',
      'agencies.name as agency_name',
    ])
    .where('cases.id', '=', caseId).executeTakeFirst();
  if (!row) {
    throw new CodedError('not_found', 'This case is not in your offline copy.');
  }
  const [subjects, places, markers, tasks, reports, reportCount, documents, outbox, queuedUploads] = await Promise.all([
    db.selectFrom('case_subjects').leftJoin('persons', 'persons.id', 'case_subjects.person_id')
      .select(['case_subjects.id', 'case_subjects.person_id', 'case_subjects.role', 'persons.given_name', 'persons.family_name'])
      .where('case_subjects.case_id', '=', caseId).orderBy('case_subjects.created_at').orderBy('case_subjects.id').execute(),
    db.selectFrom('case_locations').innerJoin('locations', 'locations.id', 'case_locations.location_id')
      .select(['locations.id', 'locations.address_line', 'locations.town', 'locations.postcode', 'case_locations.description'])
      .where('case_locations.case_id', '=', caseId).orderBy('case_locations.created_at').orderBy('case_locations.id').execute(),
    db.selectFrom('markers').leftJoin('agencies', 'agencies.id', 'markers.owner_agency_id')
      .select([
        'markers.id', 'markers.marker_type', 'markers.description', 'markers.subject_type', 'markers.subject_id', 'markers.review_date',
        'markers.expires_at', 'markers.abilities', 'agencies.name as agency_name',
      ])
      .where((eb) => eb.or([
        eb.and([eb('markers.subject_type', '=', 'case'), eb('markers.subject_id', '=', caseId)]),
        eb.and([
          eb('markers.subject_type', '=', 'person'),
          eb('markers.subject_id', 'in', eb.selectFrom('case_subjects').select('person_id').where('case_id', '=', caseId)),
        ]),
        eb.and([
          eb('markers.subject_type', '=', 'location'),
          eb('markers.subject_id', 'in', eb.selectFrom('case_locations').select('location_id').where('case_id', '=', caseId)),
        ]),
      ]))
      // Staff-safety warnings lead the banner.
      .orderBy(sql`markers.marker_type = 'staff_safety'`, 'desc').orderBy('markers.created_at', 'desc').orderBy('markers.id')
      .execute(),
    db.selectFrom('tasks').leftJoin('agencies', 'agencies.id', 'tasks.assignee_agency_id')
      .select(['tasks.id', 'tasks.title', 'tasks.status', 'tasks.due_date', 'agencies.name as agency_name'])
      .where('tasks.case_id', '=', caseId).where('tasks.status', 'in', ['open', 'in_progress'])
      .orderBy(sql`tasks.due_date is null`).orderBy('tasks.due_date').orderBy('tasks.created_at').orderBy('tasks.id')
      .execute(),
    // Only the start of each body crosses the worker: enough for the summary.
    db.selectFrom('reports').leftJoin('agencies', 'agencies.id', 'reports.author_agency_id')
      .select([
        'reports.id', 'reports.kind', 'reports.title', 'reports.created_at', 'reports.version', 'reports.author_user_id', 'reports.abilities',
        'agencies.name as agency_name',
        sql<string>`substr(reports.body, 1, ${BODY_START_CHARS})`.as('body_start'),
        sql<number>`length(reports.body)`.as('body_length'),
      ])
      .where('reports.case_id', '=', caseId).orderBy('reports.created_at', 'desc').orderBy('reports.id').limit(CASE_DETAIL_REPORTS)
      .execute(),
    db.selectFrom('reports').select((eb) => eb.fn.countAll<number>().as('n')).where('case_id', '=', caseId).executeTakeFirstOrThrow(),
    db.selectFrom('documents').select(['id', 'file_name', 'content_type', 'size_bytes', 'created_at', 'abilities'])
      .where('case_id', '=', caseId).orderBy('created_at', 'desc').orderBy('id').execute(),
    // The user's own changes to the case or to its tasks and reports that the server has not settled.
    db.selectFrom('outbox').select((eb) => ['outbox.state', eb.fn.countAll<number>().as('n')])
      .where((eb) => eb.or([
        eb(sql`json_extract(outbox.args, '$.caseId')`, '=', caseId),
        eb(sql`json_extract(outbox.args, '$.taskId')`, 'in', eb.selectFrom('tasks').select('tasks.id').where('tasks.case_id', '=', caseId)),
        eb(sql`json_extract(outbox.args, '$.reportId')`, 'in', eb.selectFrom('reports').select('reports.id').where('reports.case_id', '=', caseId)),
      ]))
      .groupBy('outbox.state').execute(),
    // Files attached on this computer that the server does not hold yet.
    db.selectFrom('outbox').select(sql<string>`json_extract(outbox.args, '$.documentId')`.as('id'))
      .where('outbox.name', '=', 'document.upload').where('outbox.state', '=', 'pending')
      .where(sql`json_extract(outbox.args, '$.caseId')`, '=', caseId).execute(),
  ]);
  const waiting = new Set(queuedUploads.map((u) => u.id));
  const personNames = new Map(subjects.map((s) => [s.person_id, fullName(s.given_name, s.family_name)]));
  const placeNames = new Map(places.map((p) => [p.id, [p.address_line, p.town, p.postcode].filter((part) => part !== '').join(', ')]));
  const subjectName = (type: string, id: string) => (type === 'person' ? personNames.get(id) : type === 'location' ? placeNames.get(id) : null) ?? null;
  const today = at.toISOString().slice(0, 10);
  const outboxCount = (state: string) => Number(outbox.find((o) => o.state === state)?.n ?? 0);
  return CaseDetailViewSchema.parse({
    case: {
      id: row.id, reference: row.reference, title: row.title, caseType: row.case_type, status: row.status, closureReason: row.closure_reason,
      riskLevel: row.risk_level, reviewDate: row.review_date, ownerAgencyName: row.agency_name ?? UNKNOWN_AGENCY,
      sharingLevel: row.sharing_level, createdAt: row.created_at, updatedAt: row.updated_at, version: row.version,
      abilities: parseAbilities(row.abilities),
    },
    subjects: subjects.map((s) => ({ id: s.id, personId: s.person_id, role: s.role, displayName: personNames.get(s.person_id) ?? null })),
    markers: markers.filter((m) => isMarkerActive(m.expires_at, at)).map((m) => ({
      id: m.id, markerType: m.marker_type, description: m.description, subjectType: m.subject_type,
      subjectId: m.subject_id, subjectName: subjectName(m.subject_type, m.subject_id),
      ownerAgencyName: m.agency_name ?? UNKNOWN_AGENCY, reviewDate: m.review_date, expiresAt: m.expires_at, editable: isMarkerEditable(m.abilities),
    })),
    // A place put on the case twice is listed once, with why it was first added.
    places: [...placeNames].map(([placeId, address]) => ({ id: placeId, address, description: places.find((p) => p.id === placeId)?.description ?? '' })),
    openTasks: tasks.map((t) => ({
      id: t.id, title: t.title, status: t.status, dueDate: t.due_date, overdue: t.due_date !== null && t.due_date < today,
      assigneeAgencyName: t.agency_name ?? UNKNOWN_AGENCY,
    })),
    reports: reports.map((r) => ({
      id: r.id, kind: r.kind, title: r.title, summary: reportSummary(r.body_start, REPORT_SUMMARY_CHARS, r.body_length > BODY_START_CHARS), authorAgencyName: r.agency_name ?? UNKNOWN_AGENCY,
      createdAt: r.created_at, version: r.version, authorUserId: r.author_user_id, editable: isMarkerEditable(r.abilities),
    })),
    reportCount: Number(reportCount.n),
    documents: documents.map((d) => ({
      id: d.id, fileName: d.file_name, contentType: d.content_type, sizeBytes: Number(d.size_bytes), createdAt: d.created_at,
      // Deleted once it has reached the server (a deletion could otherwise overtake its upload).
      deletable: isDocumentDeletable(d.abilities) && !waiting.has(d.id), waitingToSync: waiting.has(d.id),
    })),
    localChanges: { pending: outboxCount('pending'), rejected: outboxCount('rejected'), conflicts: outboxCount('conflict') },
  });
}

function fullName(given: string | null, family: string | null): string | null {
  return given === null || family === null ? null : `${given} ${family}`;
}

function parseAbilities(json: string | null): CaseDetailView['case']['abilities'] {
  if (json === null) {
    return NO_ABILITIES;
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return NO_ABILITIES;
  }
  const parsed = CaseAbilitiesSchema.safeParse(value);
  return parsed.success ? parsed.data : NO_ABILITIES;
}
