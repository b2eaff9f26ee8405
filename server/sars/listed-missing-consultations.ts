/**
 * The request list (`GET /sars`) opens the late consultations of the open requests it returns, as
 * reading one request does (open-missing-consultations.ts, docs/audit.md). Kept cheap for a page of
 * up to 500 requests: a fixed number of queries over all the listed people at once finds the other
 * agencies owning records the receiving agency holds about each (the same visibility filters as
 * sar-holdings.ts: the person, cases, reports, documents, markers and DASH checklists); only a request
 * with such an owner not yet consulted goes through openMissingConsultations, which checks the full
 * holdings again before opening anything. A MARAC referral (owned by its referring agency) is not
 * looked at here: the referral's case owner is, and the request's own read opens the rest.
 */
import type { Kysely } from 'kysely';
import type { ServerDatabase, SarRequestTable } from '../../db/server/schema.ts';
import { caseVisibleSql } from '../access/case-visibility.ts';
import { dashAssessmentVisibleSql } from '../access/dash-assessment-visibility.ts';
import { documentVisibleSql } from '../access/document-visibility.ts';
import { markerVisibleSql } from '../access/marker-visibility.ts';
import { personRecordSql } from '../access/person-visibility.ts';
import { reportVisibleSql } from '../access/report-visibility.ts';
import { isoOf, type WriteContext } from '../changes/write-context.ts';
import type { ServerContext } from '../context/server-context.ts';
import { openMissingConsultations } from './open-missing-consultations.ts';
import { holdingsViewerOf } from './sar-holdings.ts';

/** For each person, the agencies owning a record about them that `agencyId` holds at `at` (its own included). */
export async function ownersHolding(db: Kysely<ServerDatabase>, agencyId: string, personIds: readonly string[], at: string): Promise<Map<string, Set<string>>> {
  const owners = new Map<string, Set<string>>(personIds.map((p) => [p, new Set<string>()]));
  if (personIds.length === 0) {
    return owners;
  }
  const add = (personId: string, owner: string) => owners.get(personId)?.add(owner);
  const viewer = await holdingsViewerOf(db, agencyId);
  const persons = [...personIds];
  for (const p of await db.selectFrom('persons').select(['id', 'owner_agency_id']).where('id', 'in', persons).where(personRecordSql(viewer, at, 'persons')).execute()) {
    add(p.id, p.owner_agency_id);
  }
  const cases = await db.selectFrom('cases').innerJoin('case_subjects as cs', 'cs.case_id', 'cases.id')
    .select(['cases.id', 'cases.owner_agency_id', 'cs.person_id']).where('cs.person_id', 'in', persons).where(caseVisibleSql(viewer, at, 'cases')).execute();
  const personsOnCase = new Map<string, string[]>();
  for (const c of cases) {
    add(c.person_id, c.owner_agency_id);
    personsOnCase.set(c.id, [...(personsOnCase.get(c.id) ?? []), c.person_id]);
  }
  const caseIds = [...personsOnCase.keys()];
  const addOnCase = (caseId: string, owner: string) => {
    for (const p of personsOnCase.get(caseId) ?? []) {
      add(p, owner);
    }
  };
  if (caseIds.length > 0) {
    for (const r of await db.selectFrom('reports').select(['case_id', 'author_agency_id']).distinct().where('case_id', 'in', caseIds).where(reportVisibleSql(viewer, at, 'reports')).execute()) {
      addOnCase(r.case_id, r.author_agency_id);
    }
    for (const d of await db.selectFrom('documents').select(['case_id', 'owner_agency_id']).distinct().where('case_id', 'in', caseIds).where(documentVisibleSql(viewer, at, 'documents')).execute()) {
      addOnCase(d.case_id, d.owner_agency_id);
    }
  }
  const markers = await db.selectFrom('markers').select(['subject_type', 'subject_id', 'owner_agency_id']).distinct()
    .where((eb) => eb.or([
      eb.and([eb('subject_type', '=', 'person'), eb('subject_id', 'in', persons)]),
      ...(caseIds.length > 0 ? [eb.and([eb('subject_type', '=', 'case'), eb('subject_id', 'in', caseIds)])] : []),
    ]))
    .where(markerVisibleSql(viewer, at, 'markers')).execute();
  for (const m of markers) {
    if (m.subject_type === 'person') {
      add(m.subject_id, m.owner_agency_id);
    } else {
      addOnCase(m.subject_id, m.owner_agency_id);
    }
  }
  for (const a of await db.selectFrom('dash_assessments').select(['person_id', 'agency_id']).distinct().where('person_id', 'in', persons)
    .where(dashAssessmentVisibleSql(viewer, at, 'dash_assessments')).execute()) {
    add(a.person_id, a.agency_id);
  }
  return owners;
}

/** Opens the missing consultations of the listed open requests (all of the caller's agency); answers the ids of those that gained one. */
export async function openListedMissingConsultations(ctx: ServerContext, w: WriteContext, rows: readonly SarRequestTable[]): Promise<string[]> {
  const open = rows.filter((r) => r.status === 'open');
  if (open.length === 0) {
    return [];
  }
  const agencyId = w.user.agencyId;
  const owners = await ownersHolding(ctx.db, agencyId, [...new Set(open.map((r) => r.person_id))], isoOf(w));
  const consulted = new Map<string, Set<string>>();
  for (const c of await ctx.db.selectFrom('sar_consultations').select(['sar_id', 'owner_agency_id']).where('sar_id', 'in', open.map((r) => r.id)).execute()) {
    consulted.set(c.sar_id, (consulted.get(c.sar_id) ?? new Set<string>()).add(c.owner_agency_id));
  }
  const opened: string[] = [];
  for (const sar of open) {
    const missing = [...owners.get(sar.person_id) ?? []].some((o) => o !== agencyId && !consulted.get(sar.id)?.has(o));
    if (missing && (await openMissingConsultations(ctx, w, sar)).length > 0) {
      opened.push(sar.id);
    }
  }
  return opened;
}
