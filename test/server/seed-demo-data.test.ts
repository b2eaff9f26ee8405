import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonResult } from '../../domain/entities/person.ts';
import { readsCases, type PolicyUser } from '../../domain/policy/policy-user.ts';
import { AGENCY_KINDS, RoleSchema, ROLES } from '../../domain/vocabulary.ts';
import { verifyAuditChain } from '../../server/audit/verify-chain.ts';
import { matchPersons } from '../../server/persons/match-persons.ts';
import { DEMO_AGENCIES, DEMO_USERS } from '../../server/seed/demo-directory.ts';
import { isDatabaseEmpty, seedDemoData, type SeedSummary } from '../../server/seed/seed-demo-data.ts';
import { signIn } from '../support/case-factories.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const NOW = new Date('2026-11-01T09:00:00Z');
const TODAY = NOW.toISOString().slice(0, 10);
type Db = TestServer['db'];

describe('demo directory', () => {
  it('covers every role, the five required agency kinds and 13 distinct users', () => {
    expect(new Set(DEMO_USERS.map((u) => u.username)).size).toBe(13);
    expect(new Set(DEMO_USERS.map((u) => u.role))).toEqual(new Set(ROLES));
    const kinds = new Set(DEMO_AGENCIES.map((a) => a.kind));
    for (const kind of ['police', 'council', 'housing', 'fire', 'charity'] as const) {
      expect(kinds.has(kind)).toBe(true);
    }
    expect(DEMO_AGENCIES.every((a) => AGENCY_KINDS.includes(a.kind))).toBe(true);
  });
});

/** The demo user's password, by username. */
const passwordOf = (username: string): string => DEMO_USERS.find((u) => u.username === username)!.password;

/** The policy user of a seeded user. */
async function policyUser(db: Db, userId: string): Promise<PolicyUser & { username: string }> {
  const row = await db.selectFrom('users').select(['id', 'agency_id', 'role', 'username']).where('id', '=', userId).executeTakeFirstOrThrow();
  const teamIds = (await db.selectFrom('user_teams').select('team_id').where('user_id', '=', userId).execute()).map((t) => t.team_id);
  return { id: row.id, agencyId: row.agency_id, teamIds, role: RoleSchema.parse(row.role), username: row.username };
}

/** A user of the agency whose role reads cases (a practitioner when there is one). */
async function readerOf(db: Db, agencyId: string): Promise<PolicyUser & { username: string }> {
  const rows = await db.selectFrom('users').select('id').where('agency_id', '=', agencyId).orderBy('username').execute();
  const users = await Promise.all(rows.map((r) => policyUser(db, r.id)));
  return users.find((u) => u.role === 'practitioner') ?? users.find(readsCases)!;
}

const sha = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('hex');
const sorted = <T>(rows: T[]): string[] => rows.map((r) => JSON.stringify(r)).sort();

/**
 * A digest of the world per table with every generated id replaced by natural keys (agency code,
 * username, case reference, person name and birth), so two seedings compare although ids are random.
 */
async function worldDigest(db: Db): Promise<Record<string, string>> {
  const agencies = new Map((await db.selectFrom('agencies').select(['id', 'code']).execute()).map((a) => [a.id, a.code]));
  const users = new Map((await db.selectFrom('users').select(['id', 'username']).execute()).map((u) => [u.id, u.username]));
  const personRows = await db.selectFrom('persons').selectAll().execute();
  const personKey = new Map(personRows.map((p) => [p.id, `${p.given_name} ${p.family_name} ${p.date_of_birth ?? p.estimated_birth_year}`]));
  const caseRows = await db.selectFrom('cases').selectAll().execute();
  const caseRef = new Map(caseRows.map((c) => [c.id, c.reference]));
  const locationRows = await db.selectFrom('locations').selectAll().execute();
  const locationKey = new Map(locationRows.map((l) => [l.id, `${l.address_line}, ${l.town} ${l.postcode}`]));
  const aliases = await db.selectFrom('person_aliases').selectAll().execute();
  return {
    persons: sha(sorted(personRows.map((p) => ({
      key: personKey.get(p.id), gender: p.gender, consent: p.consent_status, owner: agencies.get(p.owner_agency_id), by: users.get(p.created_by ?? ''), at: p.created_at,
      aliases: aliases.filter((a) => a.person_id === p.id).map((a) => `${a.given_name} ${a.family_name}`).sort(),
    })))),
    cases: sha(sorted(caseRows.map((c) => ({
      ref: c.reference, title: c.title, type: c.case_type, status: c.status, risk: c.risk_level, sharing: c.sharing_level,
      hidden: Number(c.hidden_from_search), owner: users.get(c.owner_user_id ?? ''), at: c.created_at,
    })))),
    subjects: sha(sorted((await db.selectFrom('case_subjects').selectAll().execute()).map((s) => [caseRef.get(s.case_id), personKey.get(s.person_id), s.role, Number(s.profile_only)]))),
    reports: sha(sorted((await db.selectFrom('reports').selectAll().execute()).map((r) => [
      caseRef.get(r.case_id), r.kind, r.title, r.body, users.get(r.author_user_id), r.sharing_level, r.created_at,
    ]))),
    tasks: sha(sorted((await db.selectFrom('tasks').selectAll().execute()).map((t) => [
      caseRef.get(t.case_id), t.title, agencies.get(t.assignee_agency_id), users.get(t.assignee_user_id ?? ''), t.due_date, t.created_at,
    ]))),
    markers: sha(sorted((await db.selectFrom('markers').selectAll().execute()).map((m) => [
      m.subject_type, caseRef.get(m.subject_id) ?? personKey.get(m.subject_id) ?? locationKey.get(m.subject_id), m.marker_type, m.description, m.review_date, m.expires_at,
    ]))),
    locations: sha(sorted((await db.selectFrom('case_locations').selectAll().execute()).map((l) => [caseRef.get(l.case_id), locationKey.get(l.location_id), l.description]))),
    documents: sha(sorted((await db.selectFrom('documents').selectAll().execute()).map((d) => [caseRef.get(d.case_id), d.file_name, d.content_type, d.sha256, d.created_at]))),
  };
}

describe.each(testDialects())('demo seed on %s', (dialect) => {
  let server: TestServer;
  let summary: SeedSummary;
  let seconds = 0;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    expect(await isDatabaseEmpty(server.db)).toBe(true);
    const started = performance.now();
    summary = await seedDemoData(server.ctx, { cases: 300, now: NOW });
    seconds = (performance.now() - started) / 1000;
  }, 180_000);
  afterAll(() => server.stop());

  it('loads an empty database with 300 cases, some shared, each with its own change position', async () => {
    console.log(`demo seed on ${dialect}: ${seconds.toFixed(1)} s`, summary);
    expect(await isDatabaseEmpty(server.db)).toBe(false);
    expect(summary).toMatchObject({ agencies: 6, users: 13, cases: 300 });
    const cases = await server.db.selectFrom('cases').select(['id', 'reference', 'seq', 'owner_agency_id', 'title']).execute();
    expect(cases).toHaveLength(300);
    expect(new Set(cases.map((c) => c.reference)).size).toBe(300);
    expect(new Set(cases.map((c) => c.seq)).size).toBe(300);
    expect(new Set(cases.map((c) => c.owner_agency_id)).size).toBe(6);
    const shares = await server.db.selectFrom('case_shared_agencies').selectAll().execute();
    expect(shares.length).toBeGreaterThan(30);
    const ownerOf = new Map(cases.map((c) => [c.id, c.owner_agency_id]));
    expect(shares.filter((s) => ownerOf.get(s.case_id) === s.agency_id)).toEqual([]);
  });

  it('puts invented people on every case: about 400 persons, many with aliases, some known to several agencies', async () => {
    const db = server.db;
    const persons = await db.selectFrom('persons').selectAll().execute();
    expect(persons.length).toBeGreaterThanOrEqual(350);
    expect(persons.length).toBeLessThanOrEqual(460);
    expect(summary.persons).toBe(persons.length);
    const withoutPeople = await db.selectFrom('cases').select('reference')
      .where((eb) => eb.not(eb.exists(eb.selectFrom('case_subjects').select('id').whereRef('case_subjects.case_id', '=', 'cases.id')))).execute();
    expect(withoutPeople).toEqual([]);
    const aliased = await db.selectFrom('person_aliases').select('person_id').distinct().execute();
    expect(aliased.length).toBeGreaterThanOrEqual(80);
    const multiAgency = await db.selectFrom('case_subjects').innerJoin('cases', 'cases.id', 'case_subjects.case_id')
      .select('case_subjects.person_id').groupBy('case_subjects.person_id').having(sql<number>`count(distinct cases.owner_agency_id)`, '>', 1).execute();
    expect(multiAgency.length).toBeGreaterThanOrEqual(10);
    // Synthetic only: no common real surname, and every address in the fictional ZZ9 postcode area.
    const common = new Set(['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Davies', 'Evans', 'Khan', 'Patel']);
    expect(persons.filter((p) => common.has(p.family_name))).toEqual([]);
    const locations = await db.selectFrom('locations').select('postcode').execute();
    expect(locations.length).toBeGreaterThanOrEqual(100);
    expect(locations.filter((l) => !/^ZZ9\d \d[A-Z]{2}$/.test(l.postcode))).toEqual([]);
    expect(persons.every((p) => (p.date_of_birth ?? '') <= TODAY)).toBe(true);
  });

  it('has near-duplicate persons that the duplicate matcher offers as the likely match', async () => {
    const db = server.db;
    const persons = await db.selectFrom('persons').selectAll().where('date_of_birth', 'is not', null).orderBy('created_at').execute();
    const pairs: Array<[typeof persons[number], typeof persons[number]]> = [];
    for (const [i, later] of persons.entries()) {
      const earlier = persons.slice(0, i).find((p) => p.date_of_birth === later.date_of_birth && p.owner_agency_id !== later.owner_agency_id
        && (p.given_name === later.given_name) !== (p.family_name === later.family_name));
      if (earlier) {
        pairs.push([earlier, later]);
      }
    }
    expect(pairs.length).toBeGreaterThanOrEqual(4);
    for (const [original, duplicate] of pairs) {
      const user = await readerOf(db, duplicate.owner_agency_id);
      const matches = await matchPersons(db, user, NOW.toISOString(), {
        givenName: duplicate.given_name, familyName: duplicate.family_name, aliases: [], dateOfBirth: duplicate.date_of_birth, estimatedBirthYear: null, gender: duplicate.gender,
      }, duplicate.id);
      expect(matches[0]?.person.id, `${duplicate.given_name} ${duplicate.family_name} → ${original.given_name} ${original.family_name}`).toBe(original.id);
      expect(matches[0]!.score).toBeGreaterThanOrEqual(0.8);
    }
  });

  it('shows a user of one agency only a stub for a person known only to another agency', async () => {
    const db = server.db;
    // Persons whose every case is owned by their own agency, unshared and findable.
    const candidates = await db.selectFrom('persons').select(['persons.id', 'persons.family_name', 'persons.owner_agency_id'])
      .where((outer) => outer.not(outer.exists(outer.selectFrom('case_subjects').innerJoin('cases', 'cases.id', 'case_subjects.case_id').select('cases.id')
        .whereRef('case_subjects.person_id', '=', 'persons.id')
        .where((eb) => eb.or([eb('cases.owner_agency_id', '!=', eb.ref('persons.owner_agency_id')), eb('cases.sharing_level', '=', 'shared'), eb('cases.hidden_from_search', '=', 1)])))))
      .orderBy('persons.family_name').execute();
    expect(candidates.length).toBeGreaterThan(50);
    const police = await db.selectFrom('agencies').select('id').where('code', '=', 'NSP').executeTakeFirstOrThrow();
    const known = candidates.find((p) => p.owner_agency_id !== police.id)!;
    const token = await signIn(server, 'pc.amelia.hart', passwordOf('pc.amelia.hart'));
    const res = await server.app.inject({ method: 'GET', url: `/persons/search?q=${encodeURIComponent(known.family_name)}`, headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode).toBe(200);
    const found = res.json<{ results: PersonResult[] }>().results.find((r) => r.person.id === known.id);
    expect(found?.view).toBe('stub');
    expect(found?.view === 'stub' && found.person.involvedAgencies.map((a) => a.id)).toContain(known.owner_agency_id);
  });

  it('shares some cases with a named team of another agency, whose members then see them', async () => {
    const db = server.db;
    const teamShares = await db.selectFrom('case_shared_teams').innerJoin('user_teams', 'user_teams.team_id', 'case_shared_teams.team_id')
      .innerJoin('users', 'users.id', 'user_teams.user_id').select(['case_shared_teams.case_id', 'users.username'])
      .orderBy('case_shared_teams.case_id').orderBy('users.username').execute();
    expect(teamShares.length).toBeGreaterThanOrEqual(5);
    const { case_id: caseId, username } = teamShares[0]!;
    const token = await signIn(server, username, passwordOf(username));
    const res = await server.app.inject({ method: 'GET', url: `/cases/${caseId}`, headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode).toBe(200);
  });

  it('writes reports at several sharing levels and by partner agencies, and open tasks across agencies, some overdue', async () => {
    const db = server.db;
    const levels = await db.selectFrom('reports').select('sharing_level').distinct().execute();
    expect(new Set(levels.map((l) => l.sharing_level))).toEqual(new Set(['case', 'owner_agency', 'owner_team', 'shared']));
    const reports = await db.selectFrom('reports').innerJoin('cases', 'cases.id', 'reports.case_id').select(['reports.author_agency_id', 'cases.owner_agency_id']).execute();
    expect(reports.length).toBe(summary.reports);
    expect(reports.length).toBeGreaterThanOrEqual(300);
    expect(reports.filter((r) => r.author_agency_id !== r.owner_agency_id).length).toBeGreaterThanOrEqual(10);
    const tasks = await db.selectFrom('tasks').innerJoin('cases', 'cases.id', 'tasks.case_id').select(['tasks.status', 'tasks.due_date', 'tasks.assignee_agency_id', 'cases.owner_agency_id']).execute();
    expect(tasks.length).toBe(summary.tasks);
    expect(tasks.every((t) => t.status === 'open')).toBe(true);
    expect(tasks.filter((t) => t.due_date !== null && t.due_date < TODAY).length).toBeGreaterThanOrEqual(10);
    expect(tasks.filter((t) => t.due_date !== null && t.due_date > TODAY).length).toBeGreaterThanOrEqual(10);
    expect(tasks.filter((t) => t.assignee_agency_id !== t.owner_agency_id).length).toBeGreaterThanOrEqual(5);
  });

  it('places staff-safety markers, one of which another agency sees on a case shared with it', async () => {
    const db = server.db;
    const markers = await db.selectFrom('markers').selectAll().execute();
    expect(markers.length).toBe(summary.markers);
    expect(markers.filter((m) => m.marker_type === 'staff_safety').length).toBeGreaterThanOrEqual(20);
    // Staff-safety markers on a person in a case shared with an agency other than the marker's.
    const seenElsewhere = await db.selectFrom('markers').innerJoin('case_subjects', 'case_subjects.person_id', 'markers.subject_id')
      .innerJoin('case_shared_agencies', 'case_shared_agencies.case_id', 'case_subjects.case_id')
      .innerJoin('cases', 'cases.id', 'case_subjects.case_id')
      .select(['markers.id', 'markers.subject_id', 'case_shared_agencies.agency_id'])
      .where('markers.marker_type', '=', 'staff_safety').where('markers.subject_type', '=', 'person').where('cases.sharing_level', '=', 'shared')
      // Active ones only: the seed also places expired markers, which no one is shown (ids are random, so
      // without this the first row was sometimes an expired marker).
      .where((eb) => eb.or([eb('markers.expires_at', 'is', null), eb('markers.expires_at', '>', new Date().toISOString())]))
      .whereRef('case_shared_agencies.agency_id', '!=', 'markers.owner_agency_id').orderBy('markers.id').orderBy('case_shared_agencies.agency_id').execute();
    expect(seenElsewhere.length).toBeGreaterThan(0);
    const { id, subject_id: subjectId, agency_id: agencyId } = seenElsewhere[0]!;
    const reader = await readerOf(db, agencyId);
    const token = await signIn(server, reader.username, passwordOf(reader.username));
    const res = await server.app.inject({ method: 'GET', url: `/markers?subjectType=person&subjectId=${subjectId}`, headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode).toBe(200);
    expect(res.json<{ markers: Array<{ id: string; markerType: string }> }>().markers.map((m) => m.id)).toContain(id);
  });

  it('attaches small documents that download with their SHA-256, and links locations to cases', async () => {
    const db = server.db;
    const documents = await db.selectFrom('documents').innerJoin('users', 'users.id', 'documents.uploaded_by').select(['documents.id', 'documents.sha256', 'documents.size_bytes', 'documents.content_type', 'users.username']).execute();
    expect(documents.length).toBe(summary.documents);
    expect(documents.length).toBeGreaterThanOrEqual(20);
    expect(new Set(documents.map((d) => d.content_type))).toEqual(new Set(['text/plain', 'application/pdf', 'image/png']));
    const tokens = new Map<string, string>();
    for (const d of documents) {
      expect(Number(d.size_bytes)).toBeLessThan(2000);
      const token = tokens.get(d.username) ?? (await signIn(server, d.username, passwordOf(d.username)));
      tokens.set(d.username, token);
      const res = await server.app.inject({ method: 'GET', url: `/documents/${d.id}/content`, headers: { authorization: `Bearer ${token}` } });
      expect(res.statusCode).toBe(200);
      expect(createHash('sha256').update(res.rawPayload).digest('hex')).toBe(d.sha256);
    }
    const linked = await db.selectFrom('case_locations').select('case_id').distinct().execute();
    expect(linked.length).toBeGreaterThanOrEqual(120);
  });

  it('keeps the audit chain whole', async () => {
    const result = await verifyAuditChain(server.db);
    expect(result.ok).toBe(true);
    const events = await server.db.selectFrom('audit_events').select('action').execute();
    expect(events.length).toBeGreaterThan(1000);
  });

  it('gives the same world from the same seed in another fresh database', async () => {
    const again = await startTestServer(dialect);
    try {
      await seedDemoData(again.ctx, { cases: 300, now: NOW });
      expect(await worldDigest(again.db)).toEqual(await worldDigest(server.db));
    } finally {
      await again.stop();
    }
  }, 180_000);

  it('lets every demo user sign in with the printed password', async () => {
    for (const user of DEMO_USERS) {
      const res = await server.app.inject({ method: 'POST', url: '/auth/login', payload: { username: user.username, password: user.password } });
      expect(res.statusCode, user.username).toBe(200);
    }
  });
});
