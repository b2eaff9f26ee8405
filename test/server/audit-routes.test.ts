import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditSearchPage } from '../../domain/audit/audit-search.ts';
import { newId } from '../../domain/ids.ts';
import { recordAuditNow } from '../../server/audit/record-audit.ts';
import { buildAgency, buildUser } from '../support/factories.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

describe.each(testDialects())('the audit routes on %s', (dialect) => {
  let server: TestServer;
  let agencyA: string;
  let agencyB: string;
  let officerToken: string;
  let practitionerToken: string;
  let practitionerId: string;
  let officerId: string;
  const caseId = newId();

  const get = (url: string, token?: string) =>
    server.app.inject({ method: 'GET', url, headers: token ? { authorization: `Bearer ${token}` } : {} });
  const login = async (username: string, password: string) =>
    (await server.app.inject({ method: 'POST', url: '/auth/login', payload: { username, password } })).json<{ accessToken: string }>().accessToken;
  const events = (userId: string) => server.db.selectFrom('audit_events').selectAll().where('user_id', '=', userId).orderBy('seq').execute();

  beforeAll(async () => {
    server = await startTestServer(dialect);
    agencyA = await buildAgency(server.db);
    agencyB = await buildAgency(server.db);
    const officer = await buildUser(server.db, { agencyId: agencyA, role: 'data_officer' });
    const practitioner = await buildUser(server.db, { agencyId: agencyA, role: 'practitioner' });
    const outsider = await buildUser(server.db, { agencyId: agencyB, role: 'practitioner' });
    officerId = officer.id;
    practitionerId = practitioner.id;
    officerToken = await login(officer.username, officer.password);
    practitionerToken = await login(practitioner.username, practitioner.password);
    const base = { entityType: 'case', outcome: 'success' as const, details: {} };
    for (let i = 0; i < 4; i += 1) {
      await recordAuditNow(server.db, {
        ...base, actor: { userId: practitioner.id, agencyId: agencyA, ip: '10.0.0.2' }, action: i % 2 === 0 ? 'record.view' : 'record.update',
        entityId: i === 0 ? caseId : newId(), at: new Date(Date.UTC(2026, 10, 2, 9, i)),
      });
    }
    await recordAuditNow(server.db, {
      ...base, actor: { userId: outsider.id, agencyId: agencyB, ip: '10.0.0.3' }, action: 'record.view', entityId: caseId,
      at: new Date(Date.UTC(2026, 10, 2, 9, 30)),
    });
  });
  afterAll(() => server.stop());

  it('answers 401 without a token', async () => {
    expect((await get('/audit/events')).statusCode).toBe(401);
    expect((await get('/audit/verify')).statusCode).toBe(401);
  });

  it('refuses a practitioner with authorization_error and records the denied search', async () => {
    const res = await get('/audit/events?action=record.view', practitionerToken);
    expect(res.statusCode).toBe(403);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('authorization_error');
    expect((await get('/audit/verify', practitionerToken)).statusCode).toBe(403);
    const denied = (await events(practitionerId)).filter((e) => e.outcome === 'denied');
    expect(denied.map((e) => e.action)).toEqual(['record.search', 'audit.verify']);
    expect(JSON.parse(denied[0]!.details)).toEqual({ filters: { action: 'record.view', limit: 100 } });
  });

  it("gives a data officer only their own agency's events matching the filters, newest first", async () => {
    const res = await get(`/audit/events?userId=${practitionerId}&action=record.view`, officerToken);
    expect(res.statusCode).toBe(200);
    const page = res.json<AuditSearchPage>();
    expect(page.events.map((e) => [e.action, e.agencyId, e.userId])).toEqual([
      ['record.view', agencyA, practitionerId], ['record.view', agencyA, practitionerId],
    ]);
    expect(page.events[0]!.seq).toBeGreaterThan(page.events[1]!.seq);
    expect(page.nextCursor).toBeNull();

    const byCase = (await get(`/audit/events?entityType=case&entityId=${caseId}`, officerToken)).json<AuditSearchPage>();
    // The other agency's view of the same case is not in this data officer's trail.
    expect(byCase.events.map((e) => e.agencyId)).toEqual([agencyA]);

    const window = (await get(`/audit/events?userId=${practitionerId}&from=2026-11-02T09:01:00Z&to=2026-11-02T10:02:00%2B01:00`, officerToken))
      .json<AuditSearchPage>();
    expect(window.events.map((e) => e.at)).toEqual(['2026-11-02T09:01:00.000Z']);
  });

  it('pages by seq with a cursor, without repeating or skipping events', async () => {
    const first = (await get(`/audit/events?userId=${practitionerId}&limit=2`, officerToken)).json<AuditSearchPage>();
    expect(first.events).toHaveLength(2);
    expect(first.nextCursor).toBe(first.events[1]!.seq);
    const second = (await get(`/audit/events?userId=${practitionerId}&limit=2&cursor=${first.nextCursor}`, officerToken)).json<AuditSearchPage>();
    const all = (await get(`/audit/events?userId=${practitionerId}&limit=500`, officerToken)).json<AuditSearchPage>();
    expect([...first.events, ...second.events].map((e) => e.seq)).toEqual(all.events.slice(0, 4).map((e) => e.seq));
  });

  it("records each search with its filters, and shows nothing of another agency's own trail", async () => {
    await get(`/audit/events?entityType=case&entityId=${caseId}&limit=7`, officerToken);
    const last = (await events(officerId)).at(-1)!;
    expect([last.action, last.category, last.outcome, last.agency_id]).toEqual(['record.search', 'consultation', 'success', agencyA]);
    expect(JSON.parse(last.details)).toEqual({ filters: { entityType: 'case', entityId: caseId, limit: 7 }, scope: 'agency', returned: 1 });

    // Agency B's view concerns no record agency A owns, so it is not in A's trail.
    const other = await get(`/audit/events?agencyId=${agencyB}`, officerToken);
    expect(other.statusCode).toBe(200);
    expect(other.json<AuditSearchPage>().events).toEqual([]);
  });

  it('answers bad filters with validation_error and records nothing', async () => {
    const before = (await events(officerId)).length;
    for (const query of ['limit=501', 'action=record.steal', 'from=yesterday', 'cursor=-1', 'unknown=1',
      'from=2026-11-03T00:00:00Z&to=2026-11-02T00:00:00Z']) {
      const res = await get(`/audit/events?${query}`, officerToken);
      expect(res.statusCode, query).toBe(400);
      expect(res.json<{ error: { code: string } }>().error.code).toBe('validation_error');
    }
    expect((await events(officerId)).length).toBe(before);
  });

  it('verifies the chain for a data officer and records the verification', async () => {
    const res = await get('/audit/verify', officerToken);
    expect(res.statusCode).toBe(200);
    const result = res.json<{ ok: boolean; events: number }>();
    expect(result.ok).toBe(true);
    expect((await events(officerId)).at(-1)).toMatchObject({ action: 'audit.verify', outcome: 'success' });
    const count = await server.db.selectFrom('audit_events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    // Everything before the verification's own event was checked.
    expect(result.events).toBe(Number(count.n) - 1);
  });
});
