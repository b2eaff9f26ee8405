/**
 * A user's own notifications (docs/notifications.md): each kind is written by the change it
 * reports, reaches only its audience, is listed only while the reader's policy sees its subject,
 * and its read state is per user and persisted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson, buildThreeAgencyWorld, call, type WorldUser } from '../support/case-factories.ts';
import { buildCase } from '../support/factories.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { notifyUsers, unwrittenDedupeKeys } from '../../server/notifications/notify-users.ts';

interface Note { id: string; kind: string; caseId: string | null; taskId: string | null; markerId: string | null; accessRequestId: string | null; read: boolean }
interface Mine { notifications: Note[]; unread: number }

const NOW = '2026-11-10T12:00:00.000Z';

describe.each(testDialects())('my notifications on %s', (dialect) => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof buildThreeAgencyWorld>>;
  let caseId: string;
  const mine = async (u: WorldUser) => (await call<Mine>(server, u, 'GET', '/notifications/mine')).body;
  const kinds = async (u: WorldUser) => (await mine(u)).notifications.map((n) => n.kind);

  beforeAll(async () => {
    server = await startTestServer(dialect, { now: () => new Date(NOW) });
    world = await buildThreeAgencyWorld(server);
    caseId = (await buildCase(server.db, { ownerAgencyId: world.agencies.police, sharingLevel: 'shared', sharedAgencyIds: [world.agencies.council, world.agencies.housing] })).id;
  });
  afterAll(() => server.stop());

  it('a task assigned to a team reaches that team only, and is read per user, persisted', async () => {
    const police = world.users.police.a;
    const task = await call<{ id: string }>(server, police, 'POST', `/cases/${caseId}/tasks`, {
      title: 'Check school attendance', assigneeAgencyId: world.agencies.council, assigneeTeamId: world.teams.council[0],
    });
    expect(task.status).toBe(200);
    const councilA = world.users.council.a;
    const listed = await mine(councilA);
    expect(listed.unread).toBe(1);
    expect(listed.notifications).toEqual([expect.objectContaining({ kind: 'task_assigned', taskId: task.body.id, caseId, read: false })]);
    // Ids and kind only: the title never travels.
    expect(JSON.stringify(listed)).not.toContain('school');
    expect(await kinds(world.users.council.b)).toEqual([]);
    expect(await kinds(world.users.housing.a)).toEqual([]);

    const id = listed.notifications[0]!.id;
    expect((await call(server, world.users.council.b, 'POST', `/notifications/mine/${id}/read`)).status).toBe(404);
    expect((await call<{ unread: number }>(server, councilA, 'POST', `/notifications/mine/${id}/read`)).body).toEqual({ unread: 0 });
    expect((await call(server, councilA, 'POST', `/notifications/mine/${id}/read`)).status).toBe(200);
    expect((await mine(councilA)).notifications[0]!.read).toBe(true);
    // The manager of team A got it too, and it is still unread for them.
    expect((await mine(world.users.council.manager)).notifications[0]).toMatchObject({ id, read: false });
    const rows = await server.db.selectFrom('user_notification_reads').selectAll().execute();
    expect(rows).toEqual([expect.objectContaining({ notification_id: id, user_id: councilA.id })]);
  });

  it('an overdue task is produced once, when the assignee lists, and mark all read clears the count', async () => {
    const police = world.users.police.a;
    const housing = world.users.housing.a;
    const task = await call<{ id: string }>(server, police, 'POST', `/cases/${caseId}/tasks`, {
      title: 'Late one', assigneeAgencyId: world.agencies.housing, assigneeUserId: housing.id, dueDate: '2026-11-01',
    });
    await mine(housing);
    const listed = await mine(housing);
    expect(listed.notifications.map((n) => [n.kind, n.taskId])).toEqual(expect.arrayContaining([['task_overdue', task.body.id], ['task_assigned', task.body.id]]));
    expect(listed.notifications.filter((n) => n.kind === 'task_overdue')).toHaveLength(1);
    expect(listed.unread).toBe(2);
    expect(await kinds(world.users.housing.b)).toEqual([]);
    expect((await call<{ unread: number }>(server, housing, 'POST', '/notifications/mine/read-all')).body).toEqual({ unread: 0 });
    expect((await mine(housing)).notifications.every((n) => n.read)).toBe(true);
  });

  it('a case shared with an agency, a marker on someone in my case, and an access request and its decision', async () => {
    const manager = world.users.police.manager;
    const shared = await buildCase(server.db, { ownerAgencyId: world.agencies.police, sharingLevel: 'owner_agency', ownerUserId: world.users.police.b.id });
    const put = await call(server, manager, 'PUT', `/cases/${shared.id}/sharing`, {
      sharingLevel: 'shared', agencyIds: [world.agencies.housing], hiddenFromSearch: false, expectedVersion: 1,
    });
    expect(put.status).toBe(200);
    expect((await mine(world.users.housing.b)).notifications.find((n) => n.kind === 'case_shared')).toMatchObject({ kind: 'case_shared', caseId: shared.id });
    expect(await kinds(world.users.council.a)).not.toContain('case_shared');

    const person = await buildPerson(server.db, { ownerAgencyId: world.agencies.police });
    await server.db.insertInto('case_subjects').values({ id: crypto.randomUUID(), case_id: shared.id, person_id: person, role: 'victim', created_at: NOW }).execute();
    const marker = await call<{ id: string }>(server, world.users.police.a, 'POST', '/markers', {
      subjectType: 'person', subjectId: person, markerType: 'drugs', description: 'Synthetic warning', reviewDate: '2027-01-01',
    });
    expect(marker.status).toBe(200);
    // The case's owner user hears of it; another police user of the agency does not (the notification is for the owner).
    expect((await mine(world.users.police.b)).notifications.find((n) => n.kind === 'marker_added')).toMatchObject({ kind: 'marker_added', markerId: marker.body.id, caseId: shared.id });
    expect(await kinds(world.users.police.a)).not.toContain('marker_added');

    const hidden = await buildCase(server.db, { ownerAgencyId: world.agencies.police, sharingLevel: 'owner_agency' });
    const councilA = world.users.council.a;
    const asked = await call<{ id: string }>(server, councilA, 'POST', '/access-requests', {
      resourceType: 'case', resourceId: hidden.id, reason: 'Safeguarding concern raised at school this week',
    });
    expect(asked.status).toBe(200);
    expect((await mine(manager)).notifications.find((n) => n.kind === 'access_request_to_decide')).toMatchObject({ kind: 'access_request_to_decide', accessRequestId: asked.body.id });
    expect(await kinds(world.users.police.a)).not.toContain('access_request_to_decide');
    const approved = await call(server, manager, 'POST', `/access-requests/${asked.body.id}/approve`, {
      expiresAt: '2026-11-20T12:00:00.000Z', expectedVersion: 1,
    });
    expect(approved.status).toBe(200);
    expect((await mine(councilA)).notifications.find((n) => n.kind === 'access_decided')).toMatchObject({ kind: 'access_decided', accessRequestId: asked.body.id });
    expect(await kinds(world.users.council.b)).not.toContain('access_decided');
  });

  it('a notification stops being listed when its reader can no longer see its subject, and bad ids are refused', async () => {
    const manager = world.users.police.manager;
    const c = await buildCase(server.db, { ownerAgencyId: world.agencies.police, sharingLevel: 'owner_agency' });
    await call(server, manager, 'PUT', `/cases/${c.id}/sharing`, { sharingLevel: 'shared', agencyIds: [world.agencies.council], hiddenFromSearch: false, expectedVersion: 1 });
    const councilB = world.users.council.b;
    expect((await mine(councilB)).notifications.map((n) => n.caseId)).toContain(c.id);
    await call(server, manager, 'PUT', `/cases/${c.id}/sharing`, { sharingLevel: 'owner_agency', hiddenFromSearch: false, expectedVersion: 2 });
    expect((await mine(councilB)).notifications.map((n) => n.caseId)).not.toContain(c.id);
    expect((await call(server, councilB, 'POST', '/notifications/mine/not-an-id/read')).status).toBe(400);
    expect((await call(server, councilB, 'GET', '/notifications/mine?limit=0')).status).toBe(400);
  });
});

describe.each(testDialects())('the dedupe keys a listing still has to write, on %s', (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dialect, { now: () => new Date(NOW) });
  });
  afterAll(() => server.stop());

  it('names only the keys not yet written, across more keys than one query asks about', async () => {
    const world = await buildThreeAgencyWorld(server);
    const keys = Array.from({ length: 1_203 }, (_, i) => `task_overdue:test-${i}:2026-11-01`);
    const written = keys.filter((_, i) => i % 3 === 0);
    await server.db.transaction().execute(async (trx) => {
      for (const key of written) {
        await notifyUsers(trx, 'task_overdue', { agencyId: world.agencies.police, teamId: null, userId: null }, {}, NOW, key);
      }
    });
    const missing = await unwrittenDedupeKeys(server.db, keys);
    expect([...missing]).toEqual(keys.filter((_, i) => i % 3 !== 0));
    expect(await unwrittenDedupeKeys(server.db, [])).toEqual(new Set());
  });
});
