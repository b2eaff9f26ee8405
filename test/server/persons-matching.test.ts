import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgency, buildCase, buildUser } from '../support/factories.ts';
import { addSubject, buildPerson, hideFromSearch, signIn } from '../support/person-factories.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { auditDetails } from '../support/audit-details.ts';

type Match = { view: 'full' | 'stub'; score: number; reasons: string[]; person: Record<string, unknown> & { id: string } };
type Result = { view: 'full' | 'stub'; person: Record<string, unknown> & { id: string } };

describe.each(testDialects())('duplicate detection and search-and-signpost on %s', (dialect) => {
  let server: TestServer;
  let as: Awaited<ReturnType<typeof signIn>>;
  let asDataOfficer: Awaited<ReturnType<typeof signIn>>;
  const ids = { john: '', aliased: '', olderJohn: '', stranger: '', hidden: '', stub: '', housing: '' };

  beforeAll(async () => {
    server = await startTestServer(dialect, { now: () => new Date('2026-11-02T10:00:00.000Z') });
    const db = server.db;
    const police = await buildAgency(db, { name: 'Police', kind: 'police' });
    const council = await buildAgency(db, { name: 'Council' });
    ids.housing = await buildAgency(db, { name: 'Housing Trust', kind: 'housing' });
    as = await signIn(server, await buildUser(db, { agencyId: police }));
    asDataOfficer = await signIn(server, await buildUser(db, { agencyId: police, role: 'data_officer' }));
    ids.john = await buildPerson(db, { ownerAgencyId: police, givenName: 'John', familyName: 'Smith', dateOfBirth: '1990-01-01' });
    ids.aliased = await buildPerson(db, { ownerAgencyId: police, givenName: 'Jack', familyName: 'Brown', dateOfBirth: '1990-01-01', aliases: [{ givenName: 'Johnny', familyName: 'Smith' }] });
    ids.olderJohn = await buildPerson(db, { ownerAgencyId: police, givenName: 'John', familyName: 'Smith', dateOfBirth: '1975-06-01' });
    ids.stranger = await buildPerson(db, { ownerAgencyId: police, givenName: 'Mary', familyName: 'Jones', dateOfBirth: '1990-01-01' });
    ids.hidden = await buildPerson(db, { ownerAgencyId: council, givenName: 'John', familyName: 'Smyth', dateOfBirth: '1990-01-01' });
    const hiddenCase = await buildCase(db, { ownerAgencyId: council });
    await hideFromSearch(db, hiddenCase.id);
    await addSubject(db, hiddenCase.id, ids.hidden);
    ids.stub = await buildPerson(db, { ownerAgencyId: ids.housing, givenName: 'Johnny', familyName: 'Smith', dateOfBirth: '1990-03-15' });
    await addSubject(db, (await buildCase(db, { ownerAgencyId: ids.housing })).id, ids.stub, 'victim');
  });
  afterAll(() => server.stop());

  it('finds spelling variants and aliases, ranks a different date of birth lower, and hides what the caller may not know of', async () => {
    const res = await as('POST', '/persons/match', { givenName: 'Jon', familyName: 'Smyth', dateOfBirth: '1990-01-01' });
    expect(res.statusCode).toBe(200);
    const matches = res.json<{ likelyMatches: Match[] }>().likelyMatches;
    const order = matches.map((m) => m.person.id);
    expect(order[0]).toBe(ids.john);
    expect(order).toContain(ids.aliased);
    expect(matches.find((m) => m.person.id === ids.aliased)?.reasons).toContain('alias');
    expect(order.indexOf(ids.olderJohn)).toBeGreaterThan(order.indexOf(ids.john));
    expect(order.indexOf(ids.olderJohn)).toBeGreaterThan(order.indexOf(ids.aliased));
    expect(order).not.toContain(ids.hidden);
    expect(order).not.toContain(ids.stranger);
  });

  it('offers a person in another agency’s searchable case as a stub naming the agency, without day or month of birth', async () => {
    const res = await as('POST', '/persons/match', { givenName: 'Jon', familyName: 'Smyth', dateOfBirth: '1990-01-01' });
    const stub = res.json<{ likelyMatches: Match[] }>().likelyMatches.find((m) => m.person.id === ids.stub);
    expect(stub?.view).toBe('stub');
    expect(stub?.person).toEqual({
      id: ids.stub, displayName: 'Johnny Smith', yearOfBirth: 1990,
      involvedAgencies: [{ id: ids.housing, name: 'Housing Trust' }], requestAccess: true,
    });
    // Nowhere in the answer, ids aside (a random UUID may hold "03-15": this failed once on b5e1b008-…-8c03-15c8…).
    expect(JSON.stringify(stub).replaceAll(ids.stub, 'person id').replaceAll(ids.housing, 'agency id')).not.toContain('03-15');
    expect(stub?.reasons).not.toContain('same_date_of_birth');
  });

  it('creates a person, answers likely matches without the new one, and records the change and the audit', async () => {
    const res = await as('POST', '/persons', {
      givenName: 'Jon', familyName: 'Smyth', dateOfBirth: '1990-01-01', gender: 'male', consentStatus: 'not_required_legal_basis',
      aliases: [{ givenName: 'Jonno', familyName: 'Smyth' }], identifiers: [{ scheme: 'police_nominal_id', value: 'PN-0001' }],
    });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ person: { id: string; version: number; aliases: unknown[]; identifiers: Array<{ value: string }>; abilities: Record<string, boolean> }; likelyMatches: Match[] }>();
    expect(body.person.version).toBe(1);
    expect(body.person.aliases).toHaveLength(1);
    expect(body.person.identifiers.map((i) => i.value)).toEqual(['PN-0001']);
    expect(body.person.abilities).toEqual({ update: true, transfer: false, addAlias: true, addIdentifier: true, requestAccess: false });
    expect(body.likelyMatches[0]?.person.id).toBe(ids.john);
    expect(body.likelyMatches.map((m) => m.person.id)).not.toContain(body.person.id);
    const change = await server.db.selectFrom('change_log').selectAll().where('entity_id', '=', body.person.id).execute();
    expect(change.map((c) => [c.entity, c.op])).toEqual([['person', 'upsert']]);
    const audit = await server.db.selectFrom('audit_events').select(['action', 'details']).where('entity_id', '=', body.person.id).orderBy('seq').execute();
    expect(audit[0]?.action).toBe('record.create');
    expect(audit[0]?.details).not.toContain('PN-0001');
  });

  it('refuses bad input with a typed error and creates nothing', async () => {
    const before = await server.db.selectFrom('persons').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const base = { givenName: 'Bad', familyName: 'Input', gender: 'female', consentStatus: 'given' };
    for (const payload of [
      { ...base, dateOfBirth: '1990-01-01', estimatedBirthYear: 1990 },
      { ...base, gender: 'robot' },
      { ...base, dateOfBirth: '2030-01-01' },
      { ...base, dateOfBirth: '1990-02-30' },
      { ...base, identifiers: [{ scheme: 'passport', value: 'X' }] },
      { ...base, givenName: '' },
    ]) {
      const res = await as('POST', '/persons', payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json<{ error: { code: string } }>().error.code).toBe('validation_error');
    }
    const after = await server.db.selectFrom('persons').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('does not let a data officer record or find persons', async () => {
    expect((await asDataOfficer('POST', '/persons', { givenName: 'A', familyName: 'B', gender: 'male', consentStatus: 'given' })).statusCode).toBe(403);
    const search = await asDataOfficer('GET', '/persons/search?q=smith');
    expect(search.json<{ results: unknown[] }>().results).toEqual([]);
  });

  it('searches: full records where seen, stubs otherwise, nothing for hidden-from-search, and audits the terms', async () => {
    const res = await as('GET', '/persons/search?q=smith');
    expect(res.statusCode).toBe(200);
    const results = res.json<{ results: Result[] }>().results;
    const byId = new Map(results.map((r) => [r.person.id, r]));
    expect(byId.get(ids.john)?.view).toBe('full');
    expect(byId.get(ids.john)?.person.dateOfBirth).toBe('1990-01-01');
    expect(byId.get(ids.aliased)?.view).toBe('full');
    expect(byId.get(ids.stub)?.view).toBe('stub');
    expect(byId.get(ids.stub)?.person).not.toHaveProperty('dateOfBirth');
    expect(byId.has(ids.hidden)).toBe(false);
    expect(byId.has(ids.stranger)).toBe(false);
    const audit = await server.db.selectFrom('audit_events').select(['seq', 'details']).where('action', '=', 'record.search')
      .orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(await auditDetails(server.db, audit)).toMatchObject({ terms: { q: 'smith', dateOfBirth: null } });
  });

  it('filters by date of birth exactly for full records and by year only for stubs', async () => {
    const res = await as('GET', '/persons/search?q=smith&dateOfBirth=1990-01-01');
    const found = res.json<{ results: Result[] }>().results.map((r) => r.person.id);
    expect(found).toContain(ids.john);
    expect(found).not.toContain(ids.olderJohn);
    expect(found).toContain(ids.stub);
    const tooShort = await as('GET', '/persons/search?q=s');
    expect(tooShort.statusCode).toBe(400);
  });
});
