/**
 * Reads, inside the writing transaction and before the write, who could see the records a change
 * may take from someone: the record itself and the records whose visibility follows it (a case's
 * tasks, markers, subjects and places with their markers; a person's or a location's markers; a
 * report's documents).
 */
import type { Transaction } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import { PRIOR_GRANT_EXPIRY, type PriorCase, type PriorLocation, type PriorPerson, type PriorRecord, type PriorSnapshot } from './prior-snapshot.ts';
import type { ChangeEntity } from './change-entity.ts';

type Trx = Transaction<ServerDatabase>;
type Shares = { sharedAgencyIds: string[]; sharedTeamIds: string[]; sharedUserIds: string[] };

const groupBy = <T>(rows: readonly T[], key: (r: T) => string, value: (r: T) => string): Map<string, string[]> => {
  const out = new Map<string, string[]>();
  for (const r of rows) {
    out.set(key(r), [...(out.get(key(r)) ?? []), value(r)]);
  }
  return out;
};

/** Holders of grants on the records that were in force at `at`, or lapsed but not yet swept (their holders still hold the copy). */
async function grantHolders(trx: Trx, type: 'case' | 'person', ids: readonly string[], at: string): Promise<Map<string, string[]>> {
  if (ids.length === 0) {
    return new Map();
  }
  const rows = await trx.selectFrom('access_grants').select(['resource_id', 'user_id']).where('resource_type', '=', type)
    .where('resource_id', 'in', [...ids]).where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', '>', at), eb('expiry_recorded_at', 'is', null)])).execute();
  return groupBy(rows, (r) => r.resource_id, (r) => r.user_id);
}

async function loadCases(trx: Trx, ids: readonly string[], at: string): Promise<Record<string, PriorCase>> {
  const out: Record<string, PriorCase> = {};
  if (ids.length === 0) {
    return out;
  }
  const list = [...new Set(ids)];
  const rows = await trx.selectFrom('cases').select(['id', 'owner_agency_id', 'owner_team_id', 'owner_user_id', 'sharing_level', 'hidden_from_search'])
    .where('id', 'in', list).execute();
  const agencies = groupBy(await trx.selectFrom('case_shared_agencies').select(['case_id', 'agency_id']).where('case_id', 'in', list).execute(), (r) => r.case_id, (r) => r.agency_id);
  const teams = groupBy(await trx.selectFrom('case_shared_teams').select(['case_id', 'team_id']).where('case_id', 'in', list).execute(), (r) => r.case_id, (r) => r.team_id);
  const users = groupBy(await trx.selectFrom('case_shared_users').select(['case_id', 'user_id']).where('case_id', 'in', list).execute(), (r) => r.case_id, (r) => r.user_id);
  const holders = await grantHolders(trx, 'case', list, at);
  for (const r of rows) {
    out[r.id] = {
      ownerAgencyId: r.owner_agency_id, ownerTeamId: r.owner_team_id, ownerUserId: r.owner_user_id, sharingLevel: r.sharing_level,
      sharedAgencyIds: agencies.get(r.id) ?? [], sharedTeamIds: teams.get(r.id) ?? [], sharedUserIds: users.get(r.id) ?? [],
      grants: (holders.get(r.id) ?? []).map((userId) => ({ userId, expiresAt: PRIOR_GRANT_EXPIRY, revokedAt: null })),
      hiddenFromSearch: Number(r.hidden_from_search) === 1,
    };
  }
  return out;
}

async function loadPersons(trx: Trx, ids: readonly string[], at: string): Promise<Map<string, PriorPerson>> {
  if (ids.length === 0) {
    return new Map();
  }
  const list = [...new Set(ids)];
  const rows = await trx.selectFrom('persons').select(['id', 'owner_agency_id']).where('id', 'in', list).execute();
  const links = await trx.selectFrom('case_subjects').select(['person_id', 'case_id', 'profile_only']).where('person_id', 'in', list).execute();
  const cases = groupBy(links, (r) => r.person_id, (r) => r.case_id);
  // A case reveals only the minimal profile when every link of the person to it was attached from a stub.
  const fullCases = new Set(links.filter((r) => Number(r.profile_only) === 0).map((r) => `${r.person_id}|${r.case_id}`));
  const holders = await grantHolders(trx, 'person', list, at);
  return new Map(rows.map((r) => {
    const caseIds = [...new Set(cases.get(r.id) ?? [])];
    const profileOnlyCaseIds = caseIds.filter((c) => !fullCases.has(`${r.id}|${c}`));
    return [r.id, { ownerAgencyId: r.owner_agency_id, caseIds, profileOnlyCaseIds, grantHolders: holders.get(r.id) ?? [] }];
  }));
}

async function loadLocations(trx: Trx, ids: readonly string[]): Promise<Map<string, PriorLocation>> {
  if (ids.length === 0) {
    return new Map();
  }
  const list = [...new Set(ids)];
  const rows = await trx.selectFrom('locations').select(['id', 'owner_agency_id']).where('id', 'in', list).execute();
  const cases = groupBy(await trx.selectFrom('case_locations').select(['location_id', 'case_id']).where('location_id', 'in', list).execute(), (r) => r.location_id, (r) => r.case_id);
  return new Map(rows.map((r) => [r.id, { ownerAgencyId: r.owner_agency_id, caseIds: [...new Set(cases.get(r.id) ?? [])] }]));
}

async function loadShares(trx: Trx, table: 'report_shares' | 'document_shares', ids: readonly string[]): Promise<Map<string, Shares>> {
  const out = new Map<string, Shares>(ids.map((id) => [id, { sharedAgencyIds: [], sharedTeamIds: [], sharedUserIds: [] }]));
  if (ids.length === 0) {
    return out;
  }
  const rows = table === 'report_shares'
    ? (await trx.selectFrom('report_shares').select(['report_id as id', 'grantee_kind', 'grantee_id']).where('report_id', 'in', [...ids]).execute())
    : (await trx.selectFrom('document_shares').select(['document_id as id', 'grantee_kind', 'grantee_id']).where('document_id', 'in', [...ids]).execute());
  for (const r of rows) {
    const s = out.get(r.id);
    const list = r.grantee_kind === 'agency' ? s?.sharedAgencyIds : r.grantee_kind === 'team' ? s?.sharedTeamIds : s?.sharedUserIds;
    list?.push(r.grantee_id);
  }
  return out;
}

/** The ids a change may affect, by kind. */
interface Affected {
  cases: string[];
  tasks: string[];
  persons: string[];
  locations: string[];
  markers: string[];
  reports: string[];
  documents: string[];
  caseSubjects: string[];
  caseLocations: string[];
}

async function markersOn(trx: Trx, type: 'case' | 'person' | 'location', ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) {
    return [];
  }
  return (await trx.selectFrom('markers').select('id').where('subject_type', '=', type).where('subject_id', 'in', [...ids]).execute()).map((m) => m.id);
}

async function affectedBy(trx: Trx, entity: ChangeEntity, id: string): Promise<Affected> {
  const a: Affected = { cases: [], tasks: [], persons: [], locations: [], markers: [], reports: [], documents: [], caseSubjects: [], caseLocations: [] };
  switch (entity) {
    case 'case': {
      // Tasks, markers, persons and places do not cascade on the client: each needs its own removal.
      a.cases.push(id);
      a.tasks.push(...(await trx.selectFrom('tasks').select('id').where('case_id', '=', id).execute()).map((t) => t.id));
      a.persons.push(...(await trx.selectFrom('case_subjects').select('person_id').where('case_id', '=', id).execute()).map((s) => s.person_id));
      a.locations.push(...(await trx.selectFrom('case_locations').select('location_id').where('case_id', '=', id).execute()).map((l) => l.location_id));
      a.markers.push(...(await markersOn(trx, 'case', [id])), ...(await markersOn(trx, 'person', a.persons)), ...(await markersOn(trx, 'location', a.locations)));
      break;
    }
    case 'person':
      a.persons.push(id);
      a.markers.push(...(await markersOn(trx, 'person', [id])));
      break;
    case 'location':
      a.locations.push(id);
      a.markers.push(...(await markersOn(trx, 'location', [id])));
      break;
    case 'task':
      a.tasks.push(id);
      break;
    case 'marker':
      a.markers.push(id);
      break;
    case 'report':
      a.reports.push(id);
      a.documents.push(...(await trx.selectFrom('documents').select('id').where('report_id', '=', id).execute()).map((d) => d.id));
      break;
    case 'document':
      a.documents.push(id);
      break;
    case 'case_subject':
      a.caseSubjects.push(id);
      break;
    case 'case_location':
      a.caseLocations.push(id);
      break;
    default:
      break;
  }
  return a;
}

/**
 * The snapshot for an `access` or `delete` change of the record, read now (call it before the
 * write). Null for entities that never leave a puller's copy through sync (agencies, teams, users).
 */
export async function capturePrior(trx: Trx, entity: ChangeEntity, id: string, at: string): Promise<PriorSnapshot | null> {
  if (!['case', 'person', 'location', 'task', 'marker', 'report', 'document', 'case_subject', 'case_location'].includes(entity)) {
    return null;
  }
  const a = await affectedBy(trx, entity, id);
  const records: PriorRecord[] = [];
  const caseIds: string[] = [...a.cases];
  for (const c of a.cases) {
    records.push({ entity: 'case', id: c, caseId: c });
  }
  if (a.tasks.length > 0) {
    for (const t of await trx.selectFrom('tasks').select(['id', 'case_id', 'assignee_agency_id', 'assignee_team_id', 'assignee_user_id']).where('id', 'in', a.tasks).execute()) {
      caseIds.push(t.case_id);
      records.push({ entity: 'task', id: t.id, caseId: t.case_id, task: { assigneeAgencyId: t.assignee_agency_id, assigneeTeamId: t.assignee_team_id, assigneeUserId: t.assignee_user_id } });
    }
  }
  for (const [table, kind] of [['case_subjects', 'case_subject'], ['case_locations', 'case_location']] as const) {
    const ids = kind === 'case_subject' ? a.caseSubjects : a.caseLocations;
    if (ids.length > 0) {
      for (const r of await trx.selectFrom(table).select(['id', 'case_id']).where('id', 'in', ids).execute()) {
        caseIds.push(r.case_id);
        records.push({ entity: kind, id: r.id, caseId: r.case_id });
      }
    }
  }
  const markers = a.markers.length === 0 ? [] : await trx.selectFrom('markers').select(['id', 'subject_type', 'subject_id', 'marker_type', 'owner_agency_id']).where('id', 'in', a.markers).execute();
  const persons = await loadPersons(trx, [...a.persons, ...markers.filter((m) => m.subject_type === 'person').map((m) => m.subject_id)], at);
  const locations = await loadLocations(trx, [...a.locations, ...markers.filter((m) => m.subject_type === 'location').map((m) => m.subject_id)]);
  for (const p of a.persons) {
    const person = persons.get(p);
    if (person) {
      records.push({ entity: 'person', id: p, person });
    }
  }
  for (const l of a.locations) {
    const location = locations.get(l);
    if (location) {
      records.push({ entity: 'location', id: l, location });
    }
  }
  for (const m of markers) {
    const person = persons.get(m.subject_id);
    const location = locations.get(m.subject_id);
    if (m.subject_type === 'case') {
      caseIds.push(m.subject_id);
      records.push({ entity: 'marker', id: m.id, markerType: m.marker_type, ownerAgencyId: m.owner_agency_id, subject: { type: 'case', caseId: m.subject_id } });
    } else if (m.subject_type === 'person' && person) {
      records.push({ entity: 'marker', id: m.id, markerType: m.marker_type, ownerAgencyId: m.owner_agency_id, subject: { type: 'person', person } });
    } else if (m.subject_type === 'location' && location) {
      records.push({ entity: 'marker', id: m.id, markerType: m.marker_type, ownerAgencyId: m.owner_agency_id, subject: { type: 'location', location } });
    }
  }
  for (const p of [...persons.values(), ...locations.values()]) {
    caseIds.push(...p.caseIds);
  }
  await addContent(trx, a, records, caseIds);
  return { cases: await loadCases(trx, caseIds, at), records };
}

async function addContent(trx: Trx, a: Affected, records: PriorRecord[], caseIds: string[]): Promise<void> {
  const documents = a.documents.length === 0 ? [] : await trx.selectFrom('documents')
    .select(['id', 'case_id', 'report_id', 'owner_agency_id', 'owner_team_id', 'uploaded_by', 'sharing_level']).where('id', 'in', a.documents).execute();
  const reportIds = [...new Set([...a.reports, ...documents.flatMap((d) => (d.report_id === null ? [] : [d.report_id]))])];
  const reports = reportIds.length === 0 ? [] : await trx.selectFrom('reports')
    .select(['id', 'case_id', 'author_agency_id', 'author_team_id', 'author_user_id', 'sharing_level']).where('id', 'in', reportIds).execute();
  const reportShares = await loadShares(trx, 'report_shares', reportIds);
  const policyReports = new Map(reports.map((r) => [r.id, {
    authorAgencyId: r.author_agency_id, authorTeamId: r.author_team_id, authorUserId: r.author_user_id,
    sharingLevel: r.sharing_level, ...reportShares.get(r.id)!,
  }]));
  for (const r of reports.filter((row) => a.reports.includes(row.id))) {
    caseIds.push(r.case_id);
    records.push({ entity: 'report', id: r.id, caseId: r.case_id, report: policyReports.get(r.id)! });
  }
  const documentShares = await loadShares(trx, 'document_shares', documents.map((d) => d.id));
  for (const d of documents) {
    caseIds.push(d.case_id);
    records.push({
      entity: 'document', id: d.id, caseId: d.case_id, report: d.report_id === null ? null : policyReports.get(d.report_id) ?? null,
      document: {
        ownerAgencyId: d.owner_agency_id, ownerTeamId: d.owner_team_id, uploadedBy: d.uploaded_by,
        sharingLevel: d.sharing_level, ...documentShares.get(d.id)!,
      },
    });
  }
}
