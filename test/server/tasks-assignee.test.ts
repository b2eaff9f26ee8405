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
    // Shared with team B of the council and of housing only: both are partners, but their A teams cannot see the case.
    caseId = (await buildCase(server.db, { ownerAgencyId: world.agencies.police, sharingLevel: 'shared' })).id;
    await server.db.insertInto('case_shared_teams').values([
      { case_id: caseId, team_id: world.teams.council[1] }, { case_id: caseId, team_id: world.teams.housing[1] },
    ]).execute();
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

  it('refuses an agency the case is not shared with, in words the user can act on, and writes nothing', async () => {
    const police = world.users.police.a;
    const ownOnly = (await buildCase(server.db, { ownerAgencyId: world.agencies.police, sharingLevel: 'owner_agency' })).id;
    const before = await server.db.selectFrom('tasks').select('id').execute();
    const refused = await call<{ error: { code: string; message: string } }>(server, police, 'POST', `/cases/${ownOnly}/tasks`, {
      title: 'Not theirs to see', assigneeAgencyId: world.agencies.council,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: 'validation_error', message: expect.stringContaining('not shared with that agency') as unknown });
    expect((await server.db.selectFrom('tasks').select('id').execute()).length).toBe(before.length);
    expect((await call(server, police, 'POST', `/cases/${ownOnly}/tasks`, { title: 'Ours', assigneeAgencyId: world.agencies.police })).status).toBe(200);
  });

  it('lists the choosable assignees: owner agency first, then partners, with teams and enabled case workers, and audits the read', async () => {
    const police = world.users.police.a;
    await server.db.updateTable('users').set({ disabled: 1 }).where('id', '=', world.users.council.b.id).execute();
    try {
      const res = await call<{ agencies: Array<{ id: string; owner: boolean; teams: { id: string }[]; users: { id: string; teamIds: string[] }[] }> }>(
        server, police, 'GET', `/cases/${caseId}/assignees`,
      );
      expect(res.status).toBe(200);
      const ids = res.body.agencies.map((a) => a.id);
      expect(ids[0]).toBe(world.agencies.police);
      expect(new Set(ids)).toEqual(new Set([world.agencies.police, world.agencies.council, world.agencies.housing]));
      expect(res.body.agencies.map((a) => a.owner)).toEqual([true, false, false]);
      const council = res.body.agencies.find((a) => a.id === world.agencies.council)!;
      expect(council.teams.map((t) => t.id).sort()).toEqual([...world.teams.council].sort());
      expect(council.users.map((u) => u.id)).toContain(world.users.council.a.id);
      expect(council.users.map((u) => u.id)).not.toContain(world.users.council.b.id);
      expect(council.users.find((u) => u.id === world.users.council.a.id)!.teamIds).toEqual([world.teams.council[0]]);
      const audit = await server.db.selectFrom('audit_events').select(['action', 'entity_id']).where('user_id', '=', police.id)
        .orderBy('seq', 'desc').executeTakeFirstOrThrow();
      expect(audit).toEqual({ action: 'record.view', entity_id: caseId });
    } finally {
      await server.db.updateTable('users').set({ disabled: 0 }).where('id', '=', world.users.council.b.id).execute();
    }
    // Someone who cannot see the case learns nothing about it.
    expect((await call(server, world.users.housing.a, 'GET', `/cases/${caseId}/assignees`)).status).toBe(404);
  });
});
