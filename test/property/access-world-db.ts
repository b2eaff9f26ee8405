/** Writes an access world into the real database (inside a transaction) and names its rows. */
import type { Transaction } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import { newId } from '../../domain/ids.ts';
import { refreshCaseAudience } from '../../server/access/case-audience.ts';
import { grantExpiry, grantRevokedAt, type AccessWorld, type WorldGrant, type WorldShares } from './access-world.ts';
import type { AccessRequestStatus, AccessResourceType } from '../../domain/entities/access-request.ts';

const T = '2026-01-01T00:00:00.000Z';

/** The ids given to a world's rows, by list index. */
export interface WorldIds {
  agencies: string[];
  teams: string[];
  users: string[];
  cases: string[];
  reports: string[];
  /** The case each report really sits in. */
  documents: Array<{ id: string; caseIndex: number; reportIndex: number | null }>;
  tasks: string[];
  persons: string[];
  locations: string[];
  markers: Array<{ id: string; subject: 'case' | 'person' | 'location'; index: number; staffSafety: boolean; agency: number }>;
  /** World requests first, then one approved request per grant. */
  requests: Array<{ id: string; requester: number; ownerAgency: number }>;
}

const ids = (n: number) => Array.from({ length: n }, () => newId());

/** Inserts the world; returns the ids it used. */
export async function insertWorld(trx: Transaction<ServerDatabase>, w: AccessWorld): Promise<WorldIds> {
  const out: WorldIds = {
    agencies: ids(w.agencies), teams: ids(w.teams.length), users: ids(w.users.length), cases: ids(w.cases.length),
    reports: ids(w.reports.length), documents: [], tasks: ids(w.tasks.length), persons: ids(w.persons.length),
    locations: ids(w.locations.length), markers: [], requests: [],
  };
  for (const [i, id] of out.agencies.entries()) {
    await trx.insertInto('agencies').values({ id, name: `Agency ${i}`, kind: 'council', code: `W${id.slice(0, 8)}`, created_at: T, seq: 0 }).execute();
  }
  for (const [i, id] of out.teams.entries()) {
    await trx.insertInto('teams').values({ id, agency_id: out.agencies[w.teams[i]!]!, name: `Team ${i}` }).execute();
  }
  for (const [i, u] of w.users.entries()) {
    const id = out.users[i]!;
    await trx.insertInto('users').values({
      id, agency_id: out.agencies[u.agency]!, username: `w${id}`, display_name: `User ${i}`, role: u.role, password_hash: 'x', disabled: 0, created_at: T,
    }).execute();
    for (const team of u.teams) {
      await trx.insertInto('user_teams').values({ user_id: id, team_id: out.teams[team]! }).execute();
    }
  }
  for (const [i, c] of w.cases.entries()) {
    const id = out.cases[i]!;
    await trx.insertInto('cases').values({
      id, reference: `W-${id}`, title: `Case ${i}`, case_type: 'asb', status: 'open', closure_reason: null, risk_level: 'low', review_date: null,
      owner_agency_id: out.agencies[c.agency]!, owner_team_id: c.team === null ? null : out.teams[c.team]!,
      owner_user_id: c.user === null ? null : out.users[c.user]!, sharing_level: c.level, created_at: T, updated_at: T, version: 1, seq: 0,
      hidden_from_search: c.hidden ? 1 : 0, created_by: null,
    }).execute();
    for (const a of c.shares.agencies) {
      await trx.insertInto('case_shared_agencies').values({ case_id: id, agency_id: out.agencies[a]! }).execute();
    }
    for (const t of c.shares.teams) {
      await trx.insertInto('case_shared_teams').values({ case_id: id, team_id: out.teams[t]! }).execute();
    }
    for (const u of c.shares.users) {
      await trx.insertInto('case_shared_users').values({ case_id: id, user_id: out.users[u]! }).execute();
    }
  }
  for (const [i, p] of w.persons.entries()) {
    const id = out.persons[i]!;
    await trx.insertInto('persons').values({
      id, given_name: `Given${i}`, family_name: `Family${i}`, date_of_birth: '1990-01-01', estimated_birth_year: null, gender: 'unknown',
      owner_agency_id: out.agencies[p.agency]!, consent_status: 'not_sought', name_key: `K${i}`, merged_into_id: null, created_by: null,
      created_at: T, updated_at: T, version: 1,
    }).execute();
    for (const c of p.cases) {
      await trx.insertInto('case_subjects').values({ id: newId(), case_id: out.cases[c]!, person_id: id, role: 'subject', created_at: T }).execute();
    }
    // A restricted identifier recorded by the owner agency: only it may ever see it.
    await trx.insertInto('person_identifiers').values({ id: newId(), person_id: id, scheme: 'other', value: `ID${i}`, agency_id: out.agencies[p.agency]! }).execute();
    // Attached from a stub: a second role, so a case may hold the person both ways.
    for (const c of p.attached) {
      await trx.insertInto('case_subjects').values({ id: newId(), case_id: out.cases[c]!, person_id: id, role: 'associate', created_at: T, profile_only: 1 }).execute();
    }
  }
  await insertRequestsAndGrants(trx, w, out);
  // The list's audience rows (sharing and grants), by the production function every write calls (not a test copy).
  await refreshCaseAudience(trx, out.cases);
  await insertContent(trx, w, out);
  return out;
}

async function insertRequestsAndGrants(trx: Transaction<ServerDatabase>, w: AccessWorld, out: WorldIds): Promise<void> {
  const request = async (requester: number, ownerAgency: number, resourceType: AccessResourceType, resourceId: string, status: AccessRequestStatus) => {
    const id = newId();
    await trx.insertInto('access_requests').values({
      id, resource_type: resourceType, resource_id: resourceId, owner_agency_id: out.agencies[ownerAgency]!, requester_user_id: out.users[requester]!,
      requester_agency_id: out.agencies[w.users[requester]!.agency]!, reason: 'A reason long enough to be accepted.', status,
      decided_by: null, decided_at: null, decision_note: null, grant_expires_at: null, created_at: T, version: 1,
    }).execute();
    out.requests.push({ id, requester, ownerAgency });
    return id;
  };
  for (const r of w.requests) {
    await request(r.requester, r.ownerAgency, 'case', out.cases[0]!, 'pending');
  }
  const grant = async (g: WorldGrant, ownerAgency: number, type: 'case' | 'person', resourceId: string) => {
    const requestId = await request(g.user, ownerAgency, type, resourceId, 'approved');
    await trx.insertInto('access_grants').values({
      id: newId(), request_id: requestId, resource_type: type, resource_id: resourceId, user_id: out.users[g.user]!,
      expires_at: grantExpiry(g), revoked_at: grantRevokedAt(g),
    }).execute();
  };
  for (const [i, c] of w.cases.entries()) {
    for (const g of c.grants) {
      await grant(g, c.agency, 'case', out.cases[i]!);
    }
  }
  for (const [i, p] of w.persons.entries()) {
    for (const g of p.grants) {
      await grant(g, p.agency, 'person', out.persons[i]!);
    }
  }
}

async function shares(trx: Transaction<ServerDatabase>, table: 'report_shares' | 'document_shares', column: 'report_id' | 'document_id', id: string, s: WorldShares, out: WorldIds) {
  const rows = [
    ...s.agencies.map((a) => ({ grantee_kind: 'agency', grantee_id: out.agencies[a]! })),
    ...s.teams.map((t) => ({ grantee_kind: 'team', grantee_id: out.teams[t]! })),
    ...s.users.map((u) => ({ grantee_kind: 'user', grantee_id: out.users[u]! })),
  ];
  for (const row of rows) {
    await trx.insertInto(table).values({ ...row, [column]: id }).execute();
  }
}

async function insertContent(trx: Transaction<ServerDatabase>, w: AccessWorld, out: WorldIds): Promise<void> {
  for (const [i, r] of w.reports.entries()) {
    const author = w.users[r.author]!;
    await trx.insertInto('reports').values({
      id: out.reports[i]!, case_id: out.cases[r.case]!, kind: 'update', title: `Report ${i}`, body: 'text', author_user_id: out.users[r.author]!,
      author_agency_id: out.agencies[author.agency]!, author_team_id: author.teams[0] === undefined ? null : out.teams[author.teams[0]]!,
      sharing_level: r.level, created_at: T, updated_at: T, version: 1,
    }).execute();
    await shares(trx, 'report_shares', 'report_id', out.reports[i]!, r.shares, out);
  }
  for (const [i, d] of w.documents.entries()) {
    const caseIndex = d.report === null ? d.case : w.reports[d.report]!.case;
    const id = newId();
    out.documents.push({ id, caseIndex, reportIndex: d.report });
    await trx.insertInto('documents').values({
      id, case_id: out.cases[caseIndex]!, report_id: d.report === null ? null : out.reports[d.report]!, file_name: `doc${i}.pdf`,
      content_type: 'application/pdf', size_bytes: 1, sha256: '0'.repeat(64), storage_key: id,
      owner_agency_id: out.agencies[w.users[d.uploader]!.agency]!, owner_team_id: d.team === null ? null : out.teams[d.team]!,
      uploaded_by: out.users[d.uploader]!, sharing_level: d.level, created_at: T,
    }).execute();
    await shares(trx, 'document_shares', 'document_id', id, d.shares, out);
  }
  for (const [i, t] of w.tasks.entries()) {
    await trx.insertInto('tasks').values({
      id: out.tasks[i]!, case_id: out.cases[t.case]!, title: `Task ${i}`, description: '', assignee_agency_id: out.agencies[t.agency]!,
      assignee_team_id: t.team === null ? null : out.teams[t.team]!, assignee_user_id: t.user === null ? null : out.users[t.user]!,
      due_date: null, status: 'open', created_by: out.users[0]!, created_at: T, updated_at: T, version: 1,
    }).execute();
  }
  for (const [i, l] of w.locations.entries()) {
    const id = out.locations[i]!;
    await trx.insertInto('locations').values({
      id, address_line: `${i} High Street`, town: 'Riverton', postcode: 'RV1 1AA', uprn: null, latitude: null, longitude: null,
      owner_agency_id: out.agencies[l.agency]!, created_at: T, updated_at: T, version: 1,
    }).execute();
    for (const c of l.cases) {
      await trx.insertInto('case_locations').values({ id: newId(), case_id: out.cases[c]!, location_id: id, description: '', created_at: T }).execute();
    }
  }
  for (const m of w.markers) {
    const list = m.subject === 'case' ? out.cases : m.subject === 'person' ? out.persons : out.locations;
    if (list.length === 0) {
      continue;
    }
    const index = m.index % list.length;
    const id = newId();
    out.markers.push({ id, subject: m.subject, index, staffSafety: m.staffSafety, agency: m.agency });
    await trx.insertInto('markers').values({
      id, subject_type: m.subject, subject_id: list[index]!, marker_type: m.staffSafety ? 'staff_safety' : 'vulnerability', description: '',
      owner_agency_id: out.agencies[m.agency]!, created_by: out.users[0]!, review_date: '2026-12-01', expires_at: null, created_at: T, updated_at: T, version: 1,
    }).execute();
  }
}
