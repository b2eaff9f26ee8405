/**
 * Escalation notifications (docs/notifications.md, "Escalated: produced when listing"): a task
 * overdue by more than the system's escalation days reaches the assignee team's manager and the case
 * owner, once each, read per reader — and never the assignee's colleagues, another team, a task still
 * within the days, or a finished task. The days are the setting, not the default.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTaskEscalationDays } from '../../server/settings/system-settings.ts';
import { buildThreeAgencyWorld, call, type WorldUser } from '../support/case-factories.ts';
import { buildCase } from '../support/factories.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

interface Note { id: string; kind: string; caseId: string | null; taskId: string | null; read: boolean }
interface Mine { notifications: Note[]; unread: number }

const NOW = '2026-11-10T12:00:00.000Z';

describe.each(testDialects())('escalation notifications on %s', (dialect) => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof buildThreeAgencyWorld>>;
  const mine = async (u: WorldUser) => (await call<Mine>(server, u, 'GET', '/notifications/mine')).body;
  const escalatedTasks = async (u: WorldUser) => (await mine(u)).notifications.filter((n) => n.kind === 'task_escalated').map((n) => n.taskId);
  const task = async (caseId: string, dueDate: string) => {
    const made = await call<{ id: string }>(server, world.users.police.a, 'POST', `/cases/${caseId}/tasks`, {
      title: 'Visit the flat about the broken lock', assigneeAgencyId: world.agencies.council, assigneeTeamId: world.teams.council[0], dueDate,
    });
    expect(made.status).toBe(200);
    return made.body.id;
  };

  beforeAll(async () => {
    server = await startTestServer(dialect, { now: () => new Date(NOW) });
    world = await buildThreeAgencyWorld(server);
  });
  afterAll(() => server.stop());

  it('reaches the assignee team manager and the case owner once each, and nobody else', async () => {
    const c = await buildCase(server.db, {
      ownerAgencyId: world.agencies.police, ownerUserId: world.users.police.b.id, sharingLevel: 'shared', sharedAgencyIds: [world.agencies.council],
    });
    const late = await task(c.id, '2026-11-05');
    const notYet = await task(c.id, '2026-11-08');

    const manager = world.users.council.manager;
    await mine(manager);
    const listed = await mine(manager);
    expect(listed.notifications.filter((n) => n.kind === 'task_escalated')).toEqual([expect.objectContaining({ taskId: late, caseId: c.id, read: false })]);
    expect(JSON.stringify(listed)).not.toContain('broken lock');
    expect(await escalatedTasks(world.users.police.b)).toEqual([late]);

    // The assignee is told it is overdue, not escalated; nobody else hears of it.
    const assignee = (await mine(world.users.council.a)).notifications;
    expect(assignee.filter((n) => n.taskId === late).map((n) => n.kind).sort()).toEqual(['task_assigned', 'task_overdue']);
    expect(assignee.map((n) => n.kind)).not.toContain('task_escalated');
    expect(await escalatedTasks(world.users.council.b)).toEqual([]);
    expect(await escalatedTasks(world.users.police.a)).toEqual([]);
    // The case has an owner user, so the police manager is not its owner.
    expect(await escalatedTasks(world.users.police.manager)).toEqual([]);
    expect(notYet).not.toBe(late);

    // Read per reader: the manager reading it leaves it unread for the owner.
    const id = listed.notifications.find((n) => n.kind === 'task_escalated')!.id;
    expect((await call(server, manager, 'POST', `/notifications/mine/${id}/read`)).status).toBe(200);
    expect((await call(server, world.users.police.b, 'POST', `/notifications/mine/${id}/read`)).status).toBe(404);
    expect((await mine(world.users.police.b)).notifications.find((n) => n.kind === 'task_escalated')).toMatchObject({ taskId: late, read: false });
  });

  it('uses the escalation days setting, skips finished tasks, and goes to the owner agency manager when the case has no owner', async () => {
    const c = await buildCase(server.db, { ownerAgencyId: world.agencies.police, sharingLevel: 'shared', sharedAgencyIds: [world.agencies.council] });
    await server.db.transaction().execute((trx) => writeTaskEscalationDays(trx, 6, world.users.police.manager.id, NOW));
    const fiveDays = await task(c.id, '2026-11-05');
    const sevenDays = await task(c.id, '2026-11-03');
    const finished = await task(c.id, '2026-11-01');
    await server.db.updateTable('tasks').set({ status: 'done' }).where('id', '=', finished).execute();

    expect(await escalatedTasks(world.users.council.manager)).not.toContain(fiveDays);
    expect(await escalatedTasks(world.users.council.manager)).toContain(sevenDays);
    expect(await escalatedTasks(world.users.council.manager)).not.toContain(finished);
    expect(await escalatedTasks(world.users.police.manager)).toEqual([sevenDays]);
    expect(await escalatedTasks(world.users.police.a)).toEqual([]);
  });
});
