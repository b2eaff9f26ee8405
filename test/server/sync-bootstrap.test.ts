import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompactBootstrapResponseSchema, decodeCompactBootstrap } from '../../domain/http/bootstrap-compact.ts';
import type { BootstrapResponse, PullResponse, SyncChange } from '../../domain/http/sync-schemas.ts';
import { buildCase } from '../support/factories.ts';
import { buildThreeAgencyWorld, call, type WorldUser } from '../support/case-factories.ts';
import { addSubject, buildPerson } from '../support/person-factories.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

describe.each(testDialects())('sync bootstrap on %s', (dialect) => {
  let server: TestServer;
  let pc: WorldUser;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer(dialect);
    const world = await buildThreeAgencyWorld(server);
    pc = world.users.police.a;
    const { police, council } = world.agencies;
    for (let i = 0; i < 6; i += 1) {
      ids[`open${i}`] = (await buildCase(server.db, { ownerAgencyId: police, title: `Open police case ${i}` })).id;
    }
    ids.closed = (await buildCase(server.db, { ownerAgencyId: police, title: 'Closed police case' })).id;
    await server.db.updateTable('cases').set({ status: 'closed' }).where('id', '=', ids.closed).execute();
    ids.mine = (await buildCase(server.db, { ownerAgencyId: police, title: 'Case with my task' })).id;
    ids.councilOnly = (await buildCase(server.db, { ownerAgencyId: council, title: 'Council only case' })).id;
    const task = await call<{ id: string }>(server, pc, 'POST', `/cases/${ids.mine}/tasks`, {
      title: 'Visit the family', assigneeAgencyId: police, assigneeUserId: pc.id,
    });
    expect(task.status).toBe(200);
    ids.task = task.body.id;
    ids.person = await buildPerson(server.db, { ownerAgencyId: council, givenName: 'Synthetic', familyName: 'Subject' });
    ids.subject = await addSubject(server.db, ids.mine, ids.person);
    const marker = await call<{ id: string }>(server, pc, 'POST', '/markers', {
      subjectType: 'person', subjectId: ids.person, markerType: 'violence', description: 'Synthetic warning', reviewDate: '2027-01-01',
    });
    expect(marker.status).toBe(200);
    ids.marker = marker.body.id;
  });
  afterAll(() => server.stop());

  async function get<T>(url: string): Promise<{ status: number; body: T }> {
    const res = await server.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${pc.token}` } });
    return { status: res.statusCode, body: res.json<T>() };
  }

  /** Every page of a bootstrap, with the phase each came from; compact pages are checked against their schema and decoded. */
  async function bootstrap(limit: number, format?: 'compact' | 'records'): Promise<Array<BootstrapResponse & { phase: string }>> {
    const pages: Array<BootstrapResponse & { phase: string }> = [];
    let position: { snapshot?: string; phase: string; after?: string } = { phase: 'agencies' };
    for (;;) {
      const qs = new URLSearchParams({ limit: String(limit), ...position, ...(format ? { format } : {}) });
      const { status, body: answer } = await get<unknown>(`/sync/bootstrap?${qs}`);
      expect(status).toBe(200);
      const body = format === 'compact' ? decodeCompactBootstrap(CompactBootstrapResponseSchema.parse(answer)) : answer as BootstrapResponse;
      pages.push({ ...body, phase: position.phase });
      if (!body.next) {
        return pages;
      }
      position = { snapshot: body.snapshot, phase: body.next.phase, ...(body.next.after ? { after: body.next.after } : {}) };
    }
  }
  const where = (pages: Array<{ changes: SyncChange[] }>, entity: string, id: string) =>
    pages.findIndex((p) => p.changes.some((c) => c.entity === entity && c.data.id === id));

  it('serves the case of my task first, then open cases, then closed ones, and never another agency unshared case', async () => {
    const pages = await bootstrap(2);
    const mine = where(pages, 'case', ids.mine!);
    const open = [0, 1, 2, 3, 4, 5].map((i) => where(pages, 'case', ids[`open${i}`]!));
    const closed = where(pages, 'case', ids.closed!);
    expect(pages[mine]!.phase).toBe('my_tasks');
    expect(open.every((p) => p > mine && pages[p]!.phase === 'open_cases')).toBe(true);
    expect(pages[closed]!.phase).toBe('other_cases');
    expect(closed).toBeGreaterThan(Math.max(...open));
    expect(where(pages, 'case', ids.councilOnly!)).toBe(-1);
    expect(new Set(pages.map((p) => p.snapshot)).size).toBe(1);
  });

  it('brings a case with its task, subject, person and the marker on that person in the same page', async () => {
    const pages = await bootstrap(100);
    const page = where(pages, 'case', ids.mine!);
    for (const [entity, id] of [['task', ids.task], ['case_subject', ids.subject], ['person', ids.person], ['marker', ids.marker]] as const) {
      expect(where(pages, entity, id!), `${entity} travels with its case`).toBe(page);
    }
  });

  it('stays pinned at its first position while the world changes, and the pull from there brings the change', async () => {
    const first = await get<BootstrapResponse>('/sync/bootstrap?limit=1');
    const renamed = await call(server, pc, 'PATCH', `/cases/${ids.open3}`, { title: 'Renamed during the bootstrap' });
    expect(renamed.status).toBe(200);
    const next = first.body.next!;
    const later = await get<BootstrapResponse>(`/sync/bootstrap?${new URLSearchParams({ snapshot: first.body.snapshot, phase: next.phase, ...(next.after ? { after: next.after } : {}) })}`);
    expect(later.body.snapshot).toBe(first.body.snapshot);
    const pulled = await get<PullResponse>(`/sync/pull?cursor=${first.body.snapshot}`);
    const change = pulled.body.changes.find((c) => c.entity === 'case' && c.data.id === ids.open3);
    expect(change && change.entity === 'case' ? change.data.title : null).toBe('Renamed during the bootstrap');
  });

  it('answers the same pages with the same records and the same disclosure events in the compact format as in the object format', async () => {
    const events = async () => (await server.db.selectFrom('audit_events').select(['user_id', 'action', 'category', 'details'])
      .where('action', '=', 'record.sync').orderBy('seq').execute()).map((e) => ({ ...e, details: JSON.parse(e.details) as unknown }));
    const already = (await events()).length;
    const objects = await bootstrap(2, 'records');
    const afterObjects = (await events()).slice(already);
    const compact = await bootstrap(2, 'compact');
    const afterCompact = (await events()).slice(already + afterObjects.length);
    // Records are grouped by entity in a compact page, so compare each page's records in one order.
    const sorted = (changes: readonly SyncChange[]) => [...changes].sort((a, b) => `${a.entity}:${a.data.id}`.localeCompare(`${b.entity}:${b.data.id}`));
    expect(compact.length).toBeGreaterThan(3);
    expect(compact.map((p) => ({ ...p, changes: sorted(p.changes) }))).toEqual(objects.map((p) => ({ ...p, changes: sorted(p.changes) })));
    expect(compact.some((p) => p.changes.some((c) => c.entity === 'person' && c.data.abilities !== undefined))).toBe(true);
    expect(afterCompact.length).toBeGreaterThan(0);
    expect(afterCompact).toEqual(afterObjects);
  });

  it('asks for a fresh start when the pinned position is ahead of the server', async () => {
    const res = await get<{ error: { code: string } }>('/sync/bootstrap?snapshot=999999999&phase=open_cases');
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('reset_required');
  });

  it('refuses an unknown phase, a malformed position and a page size out of range with a validation error', async () => {
    for (const qs of ['phase=everything', 'after=not-an-id', 'limit=0', 'limit=501', 'snapshot=-1', 'format=columns']) {
      const res = await get<{ error: { code: string } }>(`/sync/bootstrap?${qs}`);
      expect(res.status, qs).toBe(400);
      expect(res.body.error.code, qs).toBe('validation_error');
    }
  });
});
