/**
 * Retention rules, the review-due list, keep decisions and who may act (docs/audit.md, "Retention
 * and erasure"), through the real API on SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from '../support/case-factories.ts';
import { buildAgency, buildCase, buildUser } from '../support/factories.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

describe.each(testDialects())('retention rules and reviews on %s', (dialect) => {
  let server: TestServer;
  const clock = new Date('2026-11-02T09:00:00.000Z');
  const tokens = { officer: '', otherOfficer: '', admin: '', practitioner: '' };
  let caseId = '';
  let otherCaseId = '';

  const as = (who: keyof typeof tokens, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    server.app.inject({ method, url, headers: { authorization: `Bearer ${tokens[who]}` }, ...(payload ? { payload } : {}) });
  const due = async () => (await as('officer', 'GET', '/retention/reviews')).json<{ items: Array<{ caseId: string; dueOn: string; reviewAfterYears: number }> }>().items;

  beforeAll(async () => {
    server = await startTestServer(dialect, { now: () => clock });
    const council = await buildAgency(server.db, { name: 'Council' });
    const police = await buildAgency(server.db, { kind: 'police', name: 'Police' });
    const users = {
      officer: await buildUser(server.db, { agencyId: council, role: 'data_officer' }),
      otherOfficer: await buildUser(server.db, { agencyId: police, role: 'data_officer' }),
      admin: await buildUser(server.db, { agencyId: council, role: 'system_admin' }),
      practitioner: await buildUser(server.db, { agencyId: council }),
    };
    for (const who of Object.keys(tokens) as Array<keyof typeof tokens>) {
      tokens[who] = await signIn(server, users[who].username, users[who].password);
    }
    caseId = (await buildCase(server.db, { ownerAgencyId: council, caseType: 'hate_crime' })).id;
    otherCaseId = (await buildCase(server.db, { ownerAgencyId: council, caseType: 'asb' })).id;
    // Closed three and seven years ago (the API stamps closed_at; here the rows are the fixture).
    await server.db.updateTable('cases').set({ status: 'closed', closure_reason: 'resolved', closed_at: '2023-10-01T12:00:00.000Z' }).where('id', '=', caseId).execute();
    await server.db.updateTable('cases').set({ status: 'closed', closure_reason: 'resolved', closed_at: '2019-10-01T12:00:00.000Z' }).where('id', '=', otherCaseId).execute();
  });
  afterAll(() => server.stop());

  it('lists only cases past their rule; a system admin shortening a rule brings one in, audited with old and new years', async () => {
    expect((await due()).map((i) => i.caseId)).toEqual([otherCaseId]);
    const set = await as('admin', 'PUT', '/retention/rules/hate_crime', { reviewAfterYears: 2 });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ caseType: 'hate_crime', reviewAfterYears: 2, version: 2 });
    expect((await due()).map((i) => [i.caseId, i.dueOn, i.reviewAfterYears])).toEqual([[caseId, '2025-10-01', 2], [otherCaseId, '2025-10-01', 6]]);
    const event = await server.db.selectFrom('audit_events').select(['details', 'outcome']).where('action', '=', 'admin.change').where('entity_id', '=', 'hate_crime').executeTakeFirstOrThrow();
    expect(JSON.parse(event.details)).toEqual({ changes: { review_after_years: [6, 2] }, version: 2 });
    const rules = (await as('officer', 'GET', '/retention/rules')).json<{ rules: Array<{ caseType: string; reviewAfterYears: number }> }>().rules;
    expect(rules.find((r) => r.caseType === 'hate_crime')?.reviewAfterYears).toBe(2);
  });

  it('refuses a rule from anyone but a system admin, and a period outside 1–100 years, changing nothing', async () => {
    expect((await as('officer', 'PUT', '/retention/rules/asb', { reviewAfterYears: 1 })).statusCode).toBe(403);
    expect((await as('admin', 'PUT', '/retention/rules/asb', { reviewAfterYears: 0 })).statusCode).toBe(400);
    expect((await as('admin', 'PUT', '/retention/rules/no_such_type', { reviewAfterYears: 3 })).statusCode).toBe(404);
    expect((await as('practitioner', 'GET', '/retention/rules')).statusCode).toBe(403);
    expect(await server.db.selectFrom('retention_rules').select('review_after_years').where('case_type', '=', 'asb').executeTakeFirst()).toEqual({ review_after_years: 6 });
  });

  it('a keep decision takes the case off the list until its date, and refuses a date not after today', async () => {
    const past = await as('officer', 'POST', `/retention/cases/${otherCaseId}/decisions`, { decision: 'keep', keepUntil: '2026-11-02', reason: 'Linked prosecution still open' });
    expect(past.statusCode).toBe(400);
    const keep = await as('officer', 'POST', `/retention/cases/${otherCaseId}/decisions`, { decision: 'keep', keepUntil: '2027-05-01', reason: 'Linked prosecution still open' });
    expect(keep.statusCode, keep.body).toBe(200);
    expect((await due()).map((i) => i.caseId)).toEqual([caseId]);
    const later = (await as('officer', 'GET', '/retention/reviews?dueBy=2027-05-01')).json<{ items: Array<{ caseId: string; dueOn: string }> }>().items;
    expect(later.find((i) => i.caseId === otherCaseId)?.dueOn).toBe('2027-05-01');
  });

  it('refuses another agency\'s data officer as not found and a practitioner as unauthorised, each audited as denied', async () => {
    const before = Number((await server.db.selectFrom('retention_reviews').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const other = await as('otherOfficer', 'POST', `/retention/cases/${caseId}/decisions`, { decision: 'erase', reason: 'Not my agency case at all' });
    expect(other.statusCode).toBe(404);
    const practitioner = await as('practitioner', 'POST', `/retention/cases/${caseId}/holds`, { reason: 'Trying to place a hold' });
    expect(practitioner.statusCode).toBe(403);
    expect((await as('practitioner', 'GET', '/retention/reviews')).statusCode).toBe(403);
    expect(Number((await server.db.selectFrom('retention_reviews').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)).toBe(before);
    expect(await server.db.selectFrom('legal_holds').select('id').execute()).toEqual([]);
    const denied = await server.db.selectFrom('audit_events').select(['action']).where('outcome', '=', 'denied').orderBy('seq').execute();
    expect(denied.map((e) => e.action)).toEqual(['retention.decision', 'retention.hold', 'record.list']);
  });

  it('refuses to erase a case whose latest decision is keep, even with its reference typed', async () => {
    const { reference } = await server.db.selectFrom('cases').select('reference').where('id', '=', otherCaseId).executeTakeFirstOrThrow();
    const res = await as('officer', 'POST', `/retention/cases/${otherCaseId}/erase`, { confirmReference: reference, reason: 'Retention period ended now' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ error: { code: 'conflict' } });
    expect(await server.db.selectFrom('cases').select('id').where('id', '=', otherCaseId).execute()).toHaveLength(1);
  });
});
