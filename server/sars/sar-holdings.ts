/**
 * What an agency holds about a person, for a subject access request (docs/audit.md): every record
 * about the person the agency sees — read through the ordinary SQL visibility filters as the agency's
 * managers would see it (`sarHoldingsViewer`) — each attributed to the agency that owns it.
 */
import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import { IDENTIFIER_SCHEME_LABELS } from '../../domain/entities/person.ts';
import type { SarField } from '../../domain/entities/sar.ts';
import { sarHoldingsViewer } from '../../domain/policy/sar-policy.ts';
import {
  CASE_STATUS_LABELS, GENDER_LABELS, MARKER_TYPE_LABELS, REPORT_KIND_LABELS, RISK_LEVEL_LABELS, SUBJECT_ROLE_LABELS,
  TASK_STATUS_LABELS, wordsFor,
} from '../../domain/vocabulary-labels.ts';
import { caseVisibleSql } from '../access/case-visibility.ts';
import { documentVisibleSql } from '../access/document-visibility.ts';
import { markerVisibleSql } from '../access/marker-visibility.ts';
import { personRecordSql } from '../access/person-visibility.ts';
import { reportVisibleSql } from '../access/report-visibility.ts';
import { taskVisibleSql } from '../access/task-visibility.ts';
import type { Holding } from './holding.ts';
import { loadMaracHoldings } from './sar-marac-holdings.ts';

export type { Holding } from './holding.ts';

/** Another person on one of the held cases. */
export interface CaseThirdParty {
  caseId: string;
  personId: string;
  givenName: string;
  familyName: string;
  aliases: string[];
}

/** Everything the agency holds about the person, and the other people on those cases. */
export interface Holdings {
  holdings: Holding[];
  thirdParties: CaseThirdParty[];
  subject: { givenName: string; familyName: string };
}

const field = (label: string, value: string | number | null | undefined): SarField => ({ label, value: value === null || value === undefined ? '' : String(value) });

/** A coded field: the code as its value (the JSON keeps it), and its words as its text (docs/audit.md, "The bundle"). */
const coded = (label: string, code: string | null, table: Readonly<Record<string, string>>): SarField =>
  (code === null ? field(label, null) : { label, value: code, text: wordsFor(table, code) });

/** The viewer whose sight defines what `agencyId` holds. */
export async function holdingsViewerOf(db: Kysely<ServerDatabase>, agencyId: string) {
  const teams = await db.selectFrom('teams').select('id').where('agency_id', '=', agencyId).execute();
  return sarHoldingsViewer(agencyId, teams.map((t) => t.id));
}

/** Loads what `agencyId` holds about `personId` at `at` (ISO time). */
export async function loadHoldings(db: Kysely<ServerDatabase>, agencyId: string, personId: string, at: string): Promise<Holdings> {
  const viewer = await holdingsViewerOf(db, agencyId);
  const holdings: Holding[] = [];
  const person = await db.selectFrom('persons').selectAll().where('id', '=', personId).executeTakeFirstOrThrow();
  const seesPerson = await db.selectFrom('persons').select('id').where('id', '=', personId).where(personRecordSql(viewer, at, 'persons')).executeTakeFirst();
  if (seesPerson) {
    const aliases = await db.selectFrom('person_aliases').select(['given_name', 'family_name']).where('person_id', '=', personId).execute();
    holdings.push({ ownerAgencyId: person.owner_agency_id, caseIds: [], item: { type: 'person', id: person.id, at: person.created_at, fields: [
      field('Name', `${person.given_name} ${person.family_name}`), field('Date of birth', person.date_of_birth),
      coded('Gender', person.gender, GENDER_LABELS), field('Other names', aliases.map((a) => `${a.given_name} ${a.family_name}`).join('; ')),
    ] } });
  }
  // Restricted identifiers are shown only to the agency that recorded them (docs/access.md).
  const identifiers = await db.selectFrom('person_identifiers').selectAll().where('person_id', '=', personId).where('agency_id', '=', agencyId).execute();
  for (const i of identifiers) {
    holdings.push({ ownerAgencyId: agencyId, caseIds: [], item: { type: 'person', id: i.id, at: person.created_at, fields: [coded('Identifier', i.scheme, IDENTIFIER_SCHEME_LABELS), field('Value', i.value)] } });
  }

  const cases = await db.selectFrom('cases').innerJoin('case_subjects as cs', 'cs.case_id', 'cases.id').leftJoin('case_types as ct', 'ct.code', 'cases.case_type')
    .select(['cases.id', 'cases.reference', 'cases.title', 'cases.case_type', 'ct.label as case_type_label', 'cases.status', 'cases.risk_level', 'cases.owner_agency_id', 'cases.created_at', 'cs.role'])
    .where('cs.person_id', '=', personId).where(caseVisibleSql(viewer, at, 'cases')).orderBy('cases.created_at').orderBy('cases.id').execute();
  const caseIds = [...new Set(cases.map((c) => c.id))];
  const caseOwner = new Map(cases.map((c) => [c.id, c.owner_agency_id]));
  for (const c of cases) {
    holdings.push({ ownerAgencyId: c.owner_agency_id, caseIds: [c.id], item: { type: 'case', id: c.id, at: c.created_at, fields: [
      field('Reference', c.reference), field('Title', c.title), { label: 'Type', value: c.case_type, text: c.case_type_label ?? c.case_type },
      coded('Status', c.status, CASE_STATUS_LABELS), coded('Risk', c.risk_level, RISK_LEVEL_LABELS), coded('Role of the person', c.role, SUBJECT_ROLE_LABELS),
    ] } });
  }
  if (caseIds.length > 0) {
    const reports = await db.selectFrom('reports').selectAll().where('case_id', 'in', caseIds).where(reportVisibleSql(viewer, at, 'reports'))
      .orderBy('created_at').orderBy('id').execute();
    for (const r of reports) {
      holdings.push({ ownerAgencyId: r.author_agency_id, caseIds: [r.case_id], item: { type: 'report', id: r.id, at: r.created_at, fields: [
        coded('Kind', r.kind, REPORT_KIND_LABELS), field('Title', r.title), field('Text', r.body),
      ] } });
    }
    const tasks = await db.selectFrom('tasks').selectAll().where('case_id', 'in', caseIds).where(taskVisibleSql(viewer, at, 'tasks'))
      .orderBy('created_at').orderBy('id').execute();
    for (const t of tasks) {
      holdings.push({ ownerAgencyId: caseOwner.get(t.case_id)!, caseIds: [t.case_id], item: { type: 'task', id: t.id, at: t.created_at, fields: [
        field('Title', t.title), field('Description', t.description), coded('Status', t.status, TASK_STATUS_LABELS), field('Due', t.due_date),
      ] } });
    }
    const documents = await db.selectFrom('documents').selectAll().where('case_id', 'in', caseIds).where(documentVisibleSql(viewer, at, 'documents'))
      .orderBy('created_at').orderBy('id').execute();
    for (const d of documents) {
      holdings.push({ ownerAgencyId: d.owner_agency_id, caseIds: [d.case_id], item: { type: 'document', id: d.id, at: d.created_at, fields: [
        field('File name', d.file_name), field('Type', d.content_type), field('Size (bytes)', d.size_bytes),
      ] } });
    }
  }
  const markers = await db.selectFrom('markers').selectAll()
    .where((eb) => eb.or([
      eb.and([eb('subject_type', '=', 'person'), eb('subject_id', '=', personId)]),
      ...(caseIds.length > 0 ? [eb.and([eb('subject_type', '=', 'case'), eb('subject_id', 'in', caseIds)])] : []),
    ]))
    .where(markerVisibleSql(viewer, at, 'markers')).orderBy('created_at').orderBy('id').execute();
  for (const m of markers) {
    holdings.push({ ownerAgencyId: m.owner_agency_id, caseIds: m.subject_type === 'case' ? [m.subject_id] : [], item: { type: 'marker', id: m.id, at: m.created_at, fields: [
      coded('Marker', m.marker_type, MARKER_TYPE_LABELS), field('Description', m.description), field('Review', m.review_date),
    ] } });
  }

  holdings.push(...await loadMaracHoldings(db, viewer, personId, caseIds, at));

  const thirdParties: CaseThirdParty[] = [];
  if (caseIds.length > 0) {
    const others = await db.selectFrom('case_subjects as cs').innerJoin('persons as p', 'p.id', 'cs.person_id')
      .select(['cs.case_id', 'p.id', 'p.given_name', 'p.family_name']).where('cs.case_id', 'in', caseIds).where('cs.person_id', '!=', personId)
      .orderBy('p.family_name').orderBy('p.given_name').orderBy('p.id').execute();
    const otherIds = [...new Set(others.map((o) => o.id))];
    const aliases = otherIds.length === 0 ? [] : await db.selectFrom('person_aliases').select(['person_id', 'given_name', 'family_name']).where('person_id', 'in', otherIds).execute();
    for (const o of others) {
      thirdParties.push({ caseId: o.case_id, personId: o.id, givenName: o.given_name, familyName: o.family_name,
        aliases: aliases.filter((a) => a.person_id === o.id).map((a) => `${a.given_name} ${a.family_name}`) });
    }
  }
  return { holdings, thirdParties, subject: { givenName: person.given_name, familyName: person.family_name } };
}

/** The agencies other than `agencyId` owning at least one held record: one consultation each. */
export function otherOwners(holdings: readonly Holding[], agencyId: string): string[] {
  return [...new Set(holdings.map((h) => h.ownerAgencyId).filter((id) => id !== agencyId))].sort();
}
