import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditSearchPage } from '../../domain/audit/audit-search.ts';
import type { ClientAuditEvent } from '../../domain/audit/client-audit-events.ts';
import { newId } from '../../domain/ids.ts';
import { verifyAuditChain } from '../../server/audit/verify-chain.ts';
import { buildAgency, buildCase, buildTeam, buildUser } from '../support/factories.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { auditDetails } from '../support/audit-details.ts';

interface Desktop { userId: string; token: string; deviceId: string }
interface ErrorAnswer { error: { code: string; message: string } }

// The reads below happened over a few days. A read more than one offline lease (72 hours) before the
// device's last sync is refused, so the days are squeezed into the last day and a half, order kept.
const ORIGIN = Date.parse('2026-11-20T00:00:00Z');
const BASE = Date.now() - 36 * 3_600_000;
const recent = (iso: string): string => new Date(BASE + (Date.parse(iso) - ORIGIN) / 4).toISOString();

const caseView = (caseId: string, at: string): ClientAuditEvent => ({
  clientEventId: newId(), at, action: 'record.view', entityType: 'case', entityId: caseId, details: {},
});
const caseSearch = (q: string, at: string): ClientAuditEvent => ({
  clientEventId: newId(), at, action: 'record.search', entityType: 'case', entityId: null, details: { terms: { q }, results: 2 },
});

describe.each(testDialects())('POST /audit/client-events on %s', (dialect) => {
  let server: TestServer;
  let agencyId: string;
  let teamId: string;
  let caseId: string;
  let alice: Desktop;
  let bob: Desktop;
  let officerToken: string;

  const post = (token: string, payload: unknown, headers: Record<string, string> = {}) => server.app.inject({
    method: 'POST', url: '/audit/client-events', headers: { authorization: `Bearer ${token}`, ...headers }, payload: payload as object,
  });
  const login = async (username: string, password: string, deviceId?: string) => {
    const res = await server.app.inject({ method: 'POST', url: '/auth/login', payload: { username, password, ...(deviceId ? { deviceId } : {}) } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ accessToken: string }>().accessToken;
  };
  // Signs in, registers a device and signs in again bound to it, as the desktop does.
  const desktop = async (user: { id: string; username: string; password: string }): Promise<Desktop> => {
    const first = await login(user.username, user.password);
    const device = await server.app.inject({ method: 'POST', url: '/devices', headers: { authorization: `Bearer ${first}` }, payload: { name: 'Laptop' } });
    const deviceId = device.json<{ id: string }>().id;
    return { userId: user.id, deviceId, token: await login(user.username, user.password, deviceId) };
  };
  const trail = () => server.db.selectFrom('audit_events').selectAll().orderBy('seq').execute();
  const reported = async () => (await trail()).filter((e) => (JSON.parse(e.details) as { source?: string }).source === 'offline_copy');
  const receipts = () => server.db.selectFrom('client_audit_events').selectAll().orderBy('client_event_id').execute();

  beforeAll(async () => {
    server = await startTestServer(dialect);
    agencyId = await buildAgency(server.db, { name: 'Riverton Council' });
    teamId = await buildTeam(server.db, agencyId, 'ASB team');
    caseId = (await buildCase(server.db, { ownerAgencyId: agencyId })).id;
    alice = await desktop(await buildUser(server.db, { agencyId, teamIds: [teamId], username: 'alice.asb', password: 'alice-pass-1' }));
    bob = await desktop(await buildUser(server.db, { agencyId, username: 'bob.housing', password: 'bob-pass-1' }));
    const officer = await buildUser(server.db, { agencyId, role: 'data_officer', username: 'dora.officer', password: 'dora-pass-1' });
    officerToken = await login(officer.username, officer.password);
  });
  afterAll(() => server.stop());

  it("records each read as the token's user, agency, team and device, at the time the user did it, with its terms, and the chain stays intact", async () => {
    const viewedAt = recent('2026-11-20T08:15:00.000Z');
    const searchedAt = recent('2026-11-20T08:16:30.500Z');
    const view = caseView(caseId, viewedAt);
    const search = caseSearch('Wrenfield', searchedAt);
    const before = Date.now();
    const res = await post(alice.token, { events: [view, search] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ acknowledged: [view.clientEventId, search.clientEventId], recorded: 2 });

    const rows = await reported();
    expect(rows.map((r) => ({
      at: r.at, user: r.user_id, agency: r.agency_id, team: r.team_id, device: r.device_id, ip: r.ip, action: r.action, category: r.category,
      entityType: r.entity_type, entityId: r.entity_id, outcome: r.outcome,
    }))).toEqual([
      { at: viewedAt, user: alice.userId, agency: agencyId, team: teamId, device: alice.deviceId, ip: null, action: 'record.view', category: 'consultation', entityType: 'case', entityId: caseId, outcome: 'success' },
      { at: searchedAt, user: alice.userId, agency: agencyId, team: teamId, device: alice.deviceId, ip: null, action: 'record.search', category: 'consultation', entityType: 'case', entityId: null, outcome: 'success' },
    ]);
    expect(JSON.parse(rows[1]!.details)).toMatchObject({ terms: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) as string });
    const details = await auditDetails(server.db, rows[1]!) as Record<string, unknown>;
    expect(details).toMatchObject({ terms: { q: 'Wrenfield' }, results: 2, source: 'offline_copy', clientEventId: search.clientEventId, receivedFrom: '127.0.0.1' });
    expect(Date.parse(details.receivedAt as string)).toBeGreaterThanOrEqual(before);
    expect(details).not.toHaveProperty('claimedAt');
    expect((await receipts()).map((r) => [r.user_id, r.device_id])).toEqual([[alice.userId, alice.deviceId], [alice.userId, alice.deviceId]]);
    expect(await verifyAuditChain(server.db)).toMatchObject({ ok: true });
  });

  it('records nothing twice when a batch is replayed, and only the new events of a batch that overlaps an earlier one', async () => {
    const first = [caseView(caseId, recent('2026-11-21T09:00:00.000Z')), caseSearch('Parade', recent('2026-11-21T09:01:00.000Z'))];
    expect((await post(alice.token, { events: first })).json()).toMatchObject({ recorded: 2 });
    const count = (await trail()).length;
    const replay = await post(alice.token, { events: first });
    expect(replay.statusCode).toBe(200);
    expect(replay.json()).toEqual({ acknowledged: first.map((e) => e.clientEventId), recorded: 0 });
    expect((await trail()).length).toBe(count);

    const later = caseView(caseId, recent('2026-11-21T09:05:00.000Z'));
    expect((await post(alice.token, { events: [...first, later] })).json()).toEqual({ acknowledged: [...first, later].map((e) => e.clientEventId), recorded: 1 });
    const ids = (await reported()).map((r) => (JSON.parse(r.details) as { clientEventId: string }).clientEventId);
    expect(ids.filter((id) => [...first, later].some((e) => e.clientEventId === id))).toEqual([...first, later].map((e) => e.clientEventId));

    // Two copies of one report at the same moment (a retry racing a slow answer): recorded once between them.
    const raced = [caseView(caseId, recent('2026-11-21T09:10:00.000Z')), caseSearch('Row', recent('2026-11-21T09:11:00.000Z'))];
    const answers = await Promise.all([post(alice.token, { events: raced }), post(alice.token, { events: raced })]);
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200]);
    expect(answers.reduce((n, a) => n + a.json<{ recorded: number }>().recorded, 0)).toBe(2);
    expect(await verifyAuditChain(server.db)).toMatchObject({ ok: true });
  });

  it('refuses a whole batch with validation_error when one event is bad, and records none of it', async () => {
    const good = caseView(caseId, recent('2026-11-22T10:00:00.000Z'));
    const count = (await trail()).length;
    const receiptCount = (await receipts()).length;
    const bad: unknown[] = [
      { ...caseView('not-an-id', good.at) },
      { ...caseView(caseId, good.at), entityType: 'task' },
      { ...caseView(caseId, good.at), action: 'record.update' },
      { ...caseView(caseId, good.at), details: { note: 'free text the server never asked for' } },
      { ...caseSearch('x'.repeat(201), good.at) },
      { ...caseView(caseId, 'yesterday') },
    ];
    for (const event of bad) {
      const res = await post(alice.token, { events: [good, event] });
      expect(res.statusCode, JSON.stringify(event)).toBe(400);
      expect(res.json<ErrorAnswer>().error.code).toBe('validation_error');
      expect(res.json<ErrorAnswer>().error.message).toContain('events.1');
    }
    const twice = await post(alice.token, { events: [good, good] });
    expect(twice.json<ErrorAnswer>().error.code).toBe('validation_error');
    const tooMany = await post(alice.token, { events: Array.from({ length: 201 }, () => caseView(caseId, good.at)) });
    expect(tooMany.json<ErrorAnswer>().error.code).toBe('validation_error');
    expect((await trail()).length).toBe(count);
    expect((await receipts()).length).toBe(receiptCount);
  });

  it("never records events as anyone but the caller: no actor in the body, no other user's device, and ids are the caller's own", async () => {
    const count = (await trail()).length;
    const forged = { ...caseView(caseId, recent('2026-11-23T11:00:00.000Z')), userId: alice.userId };
    const withActor = await post(bob.token, { events: [forged] });
    expect(withActor.statusCode).toBe(400);
    expect(withActor.json<ErrorAnswer>().error.code).toBe('validation_error');
    const batchActor = await post(bob.token, { events: [caseView(caseId, recent('2026-11-23T11:00:00.000Z'))], userId: alice.userId });
    expect(batchActor.json<ErrorAnswer>().error.code).toBe('validation_error');
    // Bob's token naming Alice's device is refused before anything is read from the body.
    const otherDevice = await post(bob.token, { events: [caseView(caseId, recent('2026-11-23T11:00:00.000Z'))] }, { 'x-casebridge-device': alice.deviceId });
    expect(otherDevice.statusCode).toBe(401);
    expect(otherDevice.json<ErrorAnswer>().error.code).toBe('authentication_error');
    expect((await trail()).length).toBe(count);

    // An id Alice already used is a new event when Bob reports it: his, on his device; Alice's stays hers.
    const alices = caseView(caseId, recent('2026-11-23T11:05:00.000Z'));
    expect((await post(alice.token, { events: [alices] })).json()).toMatchObject({ recorded: 1 });
    expect((await post(bob.token, { events: [{ ...alices, at: recent('2026-11-23T11:06:00.000Z') }] })).json()).toMatchObject({ recorded: 1 });
    const byId = (await reported()).filter((r) => (JSON.parse(r.details) as { clientEventId: string }).clientEventId === alices.clientEventId);
    expect(byId.map((r) => [r.user_id, r.device_id, r.at])).toEqual([
      [alice.userId, alice.deviceId, recent('2026-11-23T11:05:00.000Z')],
      [bob.userId, bob.deviceId, recent('2026-11-23T11:06:00.000Z')],
    ]);
  });

  it('refuses a caller with no registered device with authorization_error and records nothing', async () => {
    const user = await buildUser(server.db, { agencyId, username: 'no.device', password: 'no-device-pass-1' });
    const token = await login(user.username, user.password);
    const count = (await trail()).length;
    const res = await post(token, { events: [caseView(caseId, recent('2026-11-24T12:00:00.000Z'))] });
    expect(res.statusCode).toBe(403);
    expect(res.json<ErrorAnswer>().error.code).toBe('authorization_error');
    expect((await trail()).length).toBe(count);
  });

  it("records a time later than its arrival (a fast device clock) at the arrival, keeping the device's claim", async () => {
    const claimed = new Date(Date.now() + 3_600_000).toISOString();
    const event = caseView(caseId, claimed);
    const before = new Date().toISOString();
    expect((await post(alice.token, { events: [event] })).json()).toMatchObject({ recorded: 1 });
    const row = (await reported()).at(-1)!;
    const details = JSON.parse(row.details) as { receivedAt: string; claimedAt: string };
    expect(row.at).toBe(details.receivedAt);
    expect(row.at >= before && row.at < claimed).toBe(true);
    expect(details.claimedAt).toBe(claimed);
  });

  it("shows the data officer's audit search a reported view alongside the server's own view of the same case, and finds it by when it happened", async () => {
    const seen = (await buildCase(server.db, { ownerAgencyId: agencyId })).id;
    const served = await server.app.inject({ method: 'GET', url: `/cases/${seen}`, headers: { authorization: `Bearer ${bob.token}` } });
    expect(served.statusCode, served.body).toBe(200);
    const offline = caseView(seen, recent('2026-11-25T07:30:00.000Z'));
    expect((await post(bob.token, { events: [offline] })).json()).toMatchObject({ recorded: 1 });
    const search = async (filters: string) => {
      const res = await server.app.inject({ method: 'GET', url: `/audit/events?${filters}`, headers: { authorization: `Bearer ${officerToken}` } });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<AuditSearchPage>().events;
    };
    const both = await search(`userId=${bob.userId}&entityType=case&entityId=${seen}&action=record.view`);
    expect(both.map((e) => [e.action, e.entityId, e.details.source ?? 'server'])).toEqual([
      ['record.view', seen, 'offline_copy'], ['record.view', seen, 'server'],
    ]);
    expect(both[0]).toMatchObject({ at: offline.at, userId: bob.userId, agencyId, deviceId: bob.deviceId, category: 'consultation' });
    const thatMorning = await search(`entityId=${seen}&from=${recent('2026-11-25T07:00:00Z')}&to=${recent('2026-11-25T08:00:00Z')}`);
    expect(thatMorning.map((e) => e.at)).toEqual([offline.at]);
  });
});
