import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildThreeAgencyWorld, call } from '../support/case-factories.ts';
import { buildCase } from '../support/factories.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

interface Task { id: string; status: string; overdue: boolean; abilities: { update: boolean }; updates?: { body: string }[] }

describe.each(testDialects())('tasks on %s', (dialect) => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof buildThreeAgencyWorld>>;
  let caseId: string;

  beforeAll(async () => {
    server = await startTestServer(dialect, { now: () => new Date('2026-11-10T12:00:00.000Z') });
    world = await buildThreeAgencyWorld(server);
    caseId = (await buildCase(server.db, { ownerAgencyId: world.agencies.police, sharingLevel: 'owner_agency' })).id;
  });
  afterAll(() => server.stop());

  it('a task assigned to housing is visible to housing, which cannot see the case, and housing can work it', async () => {
    const police = world.users.police.a;
    const housing = world.users.housing.a;
    const created = await call<Task>(server, police, 'POST', `/cases/${caseId}/tasks`, {
      title: 'Check tenancy', assigneeAgencyId: world.agencies.housing, dueDate: '2026-11-05',
    });
    expect(created.status).toBe(200);
    expect(created.body.overdue).toBe(true);
    expect((await call(server, housing, 'GET', `/cases/${caseId}`)).status).toBe(404);
    const mine = await call<{ tasks: Task[] }>(server, housing, 'GET', '/tasks?mine=true');
    expect(mine.body.tasks.map((t) => t.id)).toEqual([created.body.id]);
    expect(mine.body.tasks[0]!.abilities.update).toBe(true);
    expect((await call<{ tasks: Task[] }>(server, world.users.council.a, 'GET', '/tasks')).body.tasks).toEqual([]);
    expect((await call(server, world.users.council.a, 'GET', `/tasks/${created.body.id}`)).status).toBe(404);

    const done = await call<Task>(server, housing, 'PATCH', `/tasks/${created.body.id}`, { status: 'done' });
    expect(done.body).toMatchObject({ status: 'done', overdue: false });
    const withUpdate = await call<Task>(server, housing, 'POST', `/tasks/${created.body.id}/updates`, { body: 'Tenancy checked' });
    expect(withUpdate.body.updates?.map((u) => u.body)).toEqual(['Tenancy checked']);
  });

  it('a task assigned to one team is not assignee work for the other team, and bad input changes nothing', async () => {
    const police = world.users.police.a;
    const created = await call<Task>(server, police, 'POST', `/cases/${caseId}/tasks`, {
      title: 'Team B only', assigneeAgencyId: world.agencies.council, assigneeTeamId: world.teams.council[1],
    });
    expect((await call<{ tasks: Task[] }>(server, world.users.council.b, 'GET', '/tasks?mine=true')).body.tasks.map((t) => t.id)).toEqual([created.body.id]);
    expect((await call<{ tasks: Task[] }>(server, world.users.council.a, 'GET', '/tasks?mine=true')).body.tasks).toEqual([]);
    const before = await server.db.selectFrom('tasks').select('id').execute();
    const wrongTeam = await call(server, police, 'POST', `/cases/${caseId}/tasks`, {
      title: 'x', assigneeAgencyId: world.agencies.council, assigneeTeamId: world.teams.housing[0],
    });
    expect(wrongTeam.status).toBe(400);
    expect((await call(server, world.users.council.b, 'PATCH', `/tasks/${created.body.id}`, { status: 'finished' })).status).toBe(400);
    expect((await server.db.selectFrom('tasks').select('id').execute()).length).toBe(before.length);
  });

  it('refuses to assign a task to a disabled account, naming the field, and writes nothing', async () => {
    const police = world.users.police.a;
    const leaver = world.users.council.b;
    await server.db.updateTable('users').set({ disabled: 1 }).where('id', '=', leaver.id).execute();
    try {
      const before = await server.db.selectFrom('tasks').select('id').execute();
      const refused = await call<{ error: { code: string; message: string } }>(server, police, 'POST', `/cases/${caseId}/tasks`, {
        title: 'For a leaver', assigneeAgencyId: world.agencies.council, assigneeUserId: leaver.id,
      });
      expect(refused.status).toBe(400);
      expect(refused.body.error).toMatchObject({ code: 'validation_error', message: expect.stringContaining('assigneeUserId') as unknown });
      expect((await server.db.selectFrom('tasks').select('id').execute()).length).toBe(before.length);
    } finally {
      await server.db.updateTable('users').set({ disabled: 0 }).where('id', '=', leaver.id).execute();
    }
  });
});
