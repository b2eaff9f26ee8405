/**
 * Every sync page that hands records to a device leaves one compact `record.sync` disclosure event
 * (docs/audit.md, "Sync"): the ids by kind, their count, the range, the device; never the content.
 * The owner agency's data officer sees a partner's device receiving its records.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditSearchPage } from '../../domain/audit/audit-search.ts';
import type { BootstrapResponse, PullResponse, SyncChange } from '../../domain/http/sync-schemas.ts';
import { buildCase, buildUser } from '../support/factories.ts';
import { buildSignedInUser, buildThreeAgencyWorld, call, type WorldUser } from '../support/case-factories.ts';
import { addSubject, buildPerson } from '../support/person-factories.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

interface SyncEvent { seq: number; user_id: string | null; device_id: string | null; action: string; category: string; details: string }

describe.each(testDialects())('sync disclosure events on %s', (dialect) => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof buildThreeAgencyWorld>>;
  let pc: { id: string; token: string; deviceId: string };
  let councilCaseId: string;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    world = await buildThreeAgencyWorld(server);
    const { police, council } = world.agencies;
    for (let i = 0; i < 5; i += 1) {
      const c = await buildCase(server.db, { ownerAgencyId: police, title: `Disclosure police case ${i}` });
      await addSubject(server.db, c.id, await buildPerson(server.db, { ownerAgencyId: police, givenName: 'Quillon', familyName: `Sample${i}` }));
    }
    councilCaseId = (await buildCase(server.db, { ownerAgencyId: council, title: 'Disclosure council case', sharingLevel: 'shared', sharedAgencyIds: [police] })).id;
    // The police practitioner syncs from a registered device, as the desktop does.
    const u = await buildUser(server.db, { agencyId: police, teamIds: [world.teams.police[0]] });
    const login = async (deviceId?: string) => (await server.app.inject({
      method: 'POST', url: '/auth/login', payload: { username: u.username, password: u.password, ...(deviceId ? { deviceId } : {}) },
    })).json<{ accessToken: string }>().accessToken;
    const first = await login();
    const device = await server.app.inject({ method: 'POST', url: '/devices', headers: { authorization: `Bearer ${first}` }, payload: { name: 'Laptop' } });
    const deviceId = device.json<{ id: string }>().id;
    pc = { id: u.id, deviceId, token: await login(deviceId) };
  });
  afterAll(() => server.stop());

  async function get<T>(url: string): Promise<T> {
    const res = await server.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${pc.token}` } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<T>();
  }

  async function syncEventsAfter(seq: number): Promise<SyncEvent[]> {
    return server.db.selectFrom('audit_events').select(['seq', 'user_id', 'device_id', 'action', 'category', 'details'])
      .where('seq', '>', seq).where('action', '=', 'record.sync').orderBy('seq').execute();
  }

  async function headSeq(): Promise<number> {
    const row = await server.db.selectFrom('audit_events').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirst();
    return Number(row?.seq ?? 0);
  }

  const idsOf = (changes: readonly SyncChange[]) => {
    const ids: Record<string, string[]> = {};
    for (const c of changes) {
      (ids[c.entity] ??= []).push(c.data.id);
    }
    return ids;
  };

  it('records one event per bootstrap page that carries records, with its ids, count, position and device, and none for an empty page', async () => {
    const before = await headSeq();
    const pages: Array<{ phase: string; after: string | null; body: BootstrapResponse }> = [];
    let position: { snapshot?: string; phase: string; after?: string } = { phase: 'agencies' };
    for (;;) {
      const body = await get<BootstrapResponse>(`/sync/bootstrap?${new URLSearchParams({ limit: '2', ...position })}`);
      pages.push({ phase: position.phase, after: position.after ?? null, body });
      if (!body.next) {
        break;
      }
      position = { snapshot: body.snapshot, phase: body.next.phase, ...(body.next.after ? { after: body.next.after } : {}) };
    }
    const carrying = pages.filter((p) => p.body.changes.length > 0);
    expect(carrying.length).toBeGreaterThan(2);
    expect(pages.length).toBeGreaterThan(carrying.length);
    const events = await syncEventsAfter(before);
    expect(events.map((e) => JSON.parse(e.details) as unknown)).toEqual(carrying.map((p) => ({
      sync: 'bootstrap', snapshot: p.body.snapshot, phase: p.phase, after: p.after, count: p.body.changes.length, ids: idsOf(p.body.changes),
    })));
    for (const e of events) {
      expect([e.user_id, e.device_id, e.category]).toEqual([pc.id, pc.deviceId, 'disclosure']);
      expect(e.details).not.toMatch(/Disclosure police case|Disclosure council case|Quillon|Sample\d/);
    }
  });

  it('records a pull page with its change-log range, and nothing for a pull that brings nothing', async () => {
    const before = await headSeq();
    const page = await get<PullResponse>('/sync/pull?cursor=0&limit=1000');
    expect(page.changes.length).toBeGreaterThan(0);
    const [event, ...more] = await syncEventsAfter(before);
    expect(more).toEqual([]);
    expect(JSON.parse(event!.details)).toEqual({ sync: 'pull', fromSeq: '0', toSeq: page.cursor, count: page.changes.length, ids: idsOf(page.changes) });

    const idle = await headSeq();
    const empty = await get<PullResponse>(`/sync/pull?cursor=${page.cursor}`);
    expect(empty.changes).toEqual([]);
    expect(await syncEventsAfter(idle)).toEqual([]);
  });

  it("shows the owner agency's data officer a partner's device receiving its case, and not an uninvolved agency's", async () => {
    const before = await headSeq();
    const page = await get<PullResponse>('/sync/pull?cursor=0&limit=1000');
    expect(page.changes.some((c) => c.entity === 'case' && c.data.id === councilCaseId)).toBe(true);
    const [event] = await syncEventsAfter(before);
    const councilOfficer = await buildSignedInUser(server, world.agencies.council, [], 'data_officer');
    const housingOfficer = await buildSignedInUser(server, world.agencies.housing, [], 'data_officer');
    const seen = async (officer: WorldUser) => {
      const res = await call<AuditSearchPage>(server, officer, 'GET', '/audit/events?action=record.sync&limit=100');
      expect(res.status).toBe(200);
      return res.body.events.map((e) => e.seq);
    };
    expect(await seen(councilOfficer)).toContain(event!.seq);
    expect(await seen(housingOfficer)).not.toContain(event!.seq);
  });

  it('grows the trail by a small fraction of what it discloses', async () => {
    const before = await headSeq();
    const page = await get<PullResponse>('/sync/pull?cursor=0&limit=1000');
    const [event] = await syncEventsAfter(before);
    const disclosed = Buffer.byteLength(JSON.stringify(page.changes));
    // The ids (36 characters each) and a few fields: well under a fifth of the records' own bytes.
    expect(Buffer.byteLength(event!.details)).toBeLessThan(disclosed / 5);
  });
});
