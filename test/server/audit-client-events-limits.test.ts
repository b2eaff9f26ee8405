/**
 * POST /audit/client-events refuses reads dated more than one offline lease before the device's
 * last sync, and more than a minute's worth of new events from one device; either refusal records
 * nothing of the report.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientAuditEvent } from '../../domain/audit/client-audit-events.ts';
import { newId } from '../../domain/ids.ts';
import { CLIENT_EVENTS_PER_DEVICE_PER_MINUTE } from '../../server/audit/record-client-events.ts';
import { verifyAuditChain } from '../../server/audit/verify-chain.ts';
import { DEFAULT_OFFLINE_LEASE_HOURS } from '../../server/auth/offline-lease.ts';
import { buildAgency, buildCase, buildUser } from '../support/factories.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

interface ErrorAnswer { error: { code: string; message: string } }
const HOUR = 3_600_000;
const LEASE = DEFAULT_OFFLINE_LEASE_HOURS * HOUR;

describe.each(testDialects())('limits on reported offline reads on %s', (dialect) => {
  let server: TestServer;
  let clock = new Date('2026-12-01T12:00:00.000Z');
  let agencyId: string;
  let caseId: string;

  const shifted = (ms: number) => new Date(clock.getTime() + ms).toISOString();
  const caseView = (at: string): ClientAuditEvent => ({
    clientEventId: newId(), at, action: 'record.view', entityType: 'case', entityId: caseId, details: {},
  });
  const login = async (username: string, password: string, deviceId?: string) => {
    const res = await server.app.inject({ method: 'POST', url: '/auth/login', payload: { username, password, ...(deviceId ? { deviceId } : {}) } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ accessToken: string }>().accessToken;
  };
  /** A registered desktop; `signIn` signs in again (bound to the device) at the current clock, as after time offline. */
  const desktop = async () => {
    const user = await buildUser(server.db, { agencyId, password: 'limits-pass-1' });
    const first = await login(user.username, user.password);
    const device = await server.app.inject({ method: 'POST', url: '/devices', headers: { authorization: `Bearer ${first}` }, payload: { name: 'Laptop' } });
    const deviceId = device.json<{ id: string }>().id;
    const d = { deviceId, token: '', signIn: async () => { d.token = await login(user.username, user.password, deviceId); } };
    await d.signIn();
    return d;
  };
  const pull = async (token: string) => {
    const res = await server.app.inject({ method: 'GET', url: '/sync/pull?cursor=0&limit=50', headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode, res.body).toBe(200);
  };
  const report = (token: string, events: ClientAuditEvent[]) => server.app.inject({
    method: 'POST', url: '/audit/client-events', headers: { authorization: `Bearer ${token}` }, payload: { events },
  });
  const counts = async () => ({
    trail: Number((await server.db.selectFrom('audit_events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
    receipts: Number((await server.db.selectFrom('client_audit_events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
  });
  const lastPulledAt = async (deviceId: string) =>
    (await server.db.selectFrom('devices').select('last_pulled_at').where('id', '=', deviceId).executeTakeFirstOrThrow()).last_pulled_at;

  beforeAll(async () => {
    server = await startTestServer(dialect, { now: () => clock });
    agencyId = await buildAgency(server.db);
    caseId = (await buildCase(server.db, { ownerAgencyId: agencyId })).id;
  });
  afterAll(() => server.stop());

  it("notes each device's pull time, which never moves back", async () => {
    clock = new Date('2026-12-01T12:00:00.000Z');
    const d = await desktop();
    expect(await lastPulledAt(d.deviceId)).toBeNull();
    await pull(d.token);
    expect(await lastPulledAt(d.deviceId)).toBe('2026-12-01T12:00:00.000Z');
    clock = new Date('2026-12-01T11:59:00.000Z');
    await pull(d.token);
    expect(await lastPulledAt(d.deviceId)).toBe('2026-12-01T12:00:00.000Z');
  });

  // The pull's time and disclosure join the audit flush, which may already hold the audit head while a
  // revocation or sign-in holds the device row and waits for the head: the pull must not wait for the row.
  it.skipIf(dialect !== 'postgres')('answers and audits a pull at once while another transaction holds the device row, and notes the time at the next pull', async () => {
    clock = new Date('2026-12-01T13:00:00.000Z');
    const d = await desktop();
    const disclosures = async () => Number((await server.db.selectFrom('audit_events').select((eb) => eb.fn.countAll().as('n'))
      .where('action', '=', 'record.sync').where('device_id', '=', d.deviceId).executeTakeFirstOrThrow()).n);
    await server.db.transaction().execute(async (holder) => {
      await holder.selectFrom('devices').select('id').where('id', '=', d.deviceId).forUpdate().execute();
      await pull(d.token);
    });
    expect(await disclosures()).toBe(1);
    expect(await lastPulledAt(d.deviceId)).toBeNull();
    await pull(d.token);
    expect(await disclosures()).toBe(2);
    expect(await lastPulledAt(d.deviceId)).toBe('2026-12-01T13:00:00.000Z');
  });

  it('refuses a whole report naming the read dated more than the offline lease before now, from a device that never pulled', async () => {
    clock = new Date('2026-12-02T12:00:00.000Z');
    const d = await desktop();
    const good = caseView(shifted(-LEASE + HOUR));
    const stale = caseView(shifted(-LEASE - HOUR));
    const before = await counts();
    const res = await report(d.token, [good, stale]);
    expect(res.statusCode).toBe(400);
    const { error } = res.json<ErrorAnswer>();
    expect(error.code).toBe('validation_error');
    expect(error.message).toContain('events.1');
    expect(error.message).toContain(stale.clientEventId);
    expect(await counts()).toEqual(before);
    expect((await report(d.token, [good])).json()).toMatchObject({ recorded: 1 });
  });

  it('accepts reads from within the lease after the last sync however late the device comes back, and refuses older ones', async () => {
    clock = new Date('2026-12-03T12:00:00.000Z');
    const d = await desktop();
    await pull(d.token);
    const lastSync = clock.getTime();
    const iso = (ms: number) => new Date(lastSync + ms).toISOString();
    // Offline reads up to the end of the lease; an unsent read from just before the last sync; then ten days in a drawer.
    const offline = [caseView(iso(-LEASE + HOUR)), caseView(iso(HOUR)), caseView(iso(LEASE - HOUR))];
    clock = new Date(lastSync + 10 * 24 * HOUR);
    await d.signIn();
    const stale = caseView(iso(-LEASE - 60_000));
    const before = await counts();
    const refused = await report(d.token, [...offline, stale]);
    expect(refused.statusCode).toBe(400);
    expect(refused.json<ErrorAnswer>().error).toMatchObject({ code: 'validation_error' });
    expect(refused.json<ErrorAnswer>().error.message).toContain(stale.clientEventId);
    expect(await counts()).toEqual(before);

    const accepted = await report(d.token, offline);
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toEqual({ acknowledged: offline.map((e) => e.clientEventId), recorded: 3 });
    const recorded = await server.db.selectFrom('audit_events').select('at').where('device_id', '=', d.deviceId)
      .where('action', '=', 'record.view').orderBy('seq').execute();
    expect(recorded.map((r) => r.at)).toEqual(offline.map((e) => e.at));

    // After the next pull those reads are more than a lease old, but a replay of them (a lost answer) is still acknowledged.
    await pull(d.token);
    const replay = await report(d.token, offline);
    expect(replay.statusCode, replay.body).toBe(200);
    expect(replay.json()).toEqual({ acknowledged: offline.map((e) => e.clientEventId), recorded: 0 });
    expect(await verifyAuditChain(server.db)).toMatchObject({ ok: true });
  });

  it('refuses more new events a minute than the limit from one device with rate_limited, recording none of that report', async () => {
    clock = new Date('2026-12-20T12:00:00.000Z');
    const d = await desktop();
    const other = await desktop();
    const batch = () => Array.from({ length: 200 }, (_, i) => caseView(shifted(-HOUR + i)));
    for (let sent = 0; sent < CLIENT_EVENTS_PER_DEVICE_PER_MINUTE; sent += 200) {
      const res = await report(d.token, batch());
      expect(res.statusCode, res.body).toBe(200);
    }
    const before = await counts();
    const extra = [caseView(shifted(-HOUR))];
    const flooded = await report(d.token, extra);
    expect(flooded.statusCode).toBe(429);
    expect(flooded.json<ErrorAnswer>().error.code).toBe('rate_limited');
    expect(await counts()).toEqual(before);
    // Another device has its own allowance; a minute later this one may report again.
    expect((await report(other.token, [caseView(shifted(-HOUR))])).statusCode).toBe(200);
    clock = new Date(clock.getTime() + 61_000);
    expect((await report(d.token, extra)).json()).toMatchObject({ recorded: 1 });
    expect(await verifyAuditChain(server.db)).toMatchObject({ ok: true });
  });
});
