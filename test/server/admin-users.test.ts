/** Agency and system admins manage user accounts and teams: scoped, guarded, audited; a forced password change gates sign-in. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgency, buildTeam, buildUser } from '../support/factories.ts';
import { buildSignedInUser, call, type WorldUser } from '../support/case-factories.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

interface ErrorAnswer { error: { code: string; message: string } }
interface AdminUser { id: string; agencyId: string; username: string; role: string; teamIds: string[]; disabled: boolean; mustChangePassword: boolean }
interface Pair { accessToken: string; refreshToken: string }

describe.each(testDialects())('user administration on %s', (dialect) => {
  let server: TestServer;
  let housing: string;
  let police: string;
  let housingTeams: [string, string];
  let policeTeam: string;
  let admin: WorldUser;
  let policeAdmin: WorldUser;
  let practitioner: WorldUser;
  let counter = 0;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    housing = await buildAgency(server.db, { name: 'Housing' });
    police = await buildAgency(server.db, { name: 'Police' });
    housingTeams = [await buildTeam(server.db, housing, 'Tenancy'), await buildTeam(server.db, housing, 'Estates')];
    policeTeam = await buildTeam(server.db, police, 'PPU');
    admin = await buildSignedInUser(server, housing, [], 'agency_admin');
    policeAdmin = await buildSignedInUser(server, police, [], 'agency_admin');
    practitioner = await buildSignedInUser(server, housing, [housingTeams[0]]);
  });
  afterAll(() => server.stop());

  const post = (url: string, payload: object) => server.app.inject({ method: 'POST', url, payload });
  const login = (username: string, password: string) => post('/auth/login', { username, password });
  const usernames = () => server.db.selectFrom('users').select(['username', 'disabled', 'must_change_password', 'password_hash']).orderBy('username').execute();
  const create = (by: WorldUser, body: Record<string, unknown>) => {
    counter += 1;
    return call<{ user: AdminUser; temporaryPassword?: string }>(server, by, 'POST', '/users', { username: `new.user.${counter}`, displayName: `New User ${counter}`, role: 'practitioner', ...body });
  };
  const adminEvents = (entityId: string) =>
    server.db.selectFrom('audit_events').select(['action', 'outcome', 'user_id', 'details']).where('entity_id', '=', entityId).where('action', '=', 'admin.change').orderBy('seq').execute();

  it('lets an agency admin create a user with a generated temporary password, who must change it before any token is issued', async () => {
    const created = await create(admin, { teamIds: [housingTeams[0]] });
    expect(created.status).toBe(200);
    const { user, temporaryPassword } = created.body;
    expect(user).toMatchObject({ agencyId: housing, role: 'practitioner', teamIds: [housingTeams[0]], disabled: false, mustChangePassword: true });
    expect(temporaryPassword).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
    expect((await adminEvents(user.id)).map((e) => [e.action, e.outcome, e.user_id])).toEqual([['admin.change', 'success', admin.id]]);

    const first = await login(user.username, temporaryPassword!);
    expect(first.statusCode).toBe(401);
    expect(first.json<ErrorAnswer>().error).toEqual({ code: 'password_change_required', message: 'An administrator set your password: choose a new one to continue.' });

    const same = await post('/auth/password/change', { username: user.username, password: temporaryPassword, newPassword: temporaryPassword });
    expect(same.json<ErrorAnswer>().error.code).toBe('validation_error');
    const short = await post('/auth/password/change', { username: user.username, password: temporaryPassword, newPassword: 'short' });
    expect(short.json<ErrorAnswer>().error.code).toBe('validation_error');
    const wrong = await post('/auth/password/change', { username: user.username, password: 'not the password', newPassword: 'a brand new passphrase' });
    expect(wrong.json<ErrorAnswer>().error.code).toBe('authentication_error');

    const changed = await post('/auth/password/change', { username: user.username, password: temporaryPassword, newPassword: 'a brand new passphrase' });
    expect(changed.statusCode).toBe(200);
    expect((await login(user.username, temporaryPassword!)).statusCode).toBe(401);
    const signedIn = await login(user.username, 'a brand new passphrase');
    expect(signedIn.statusCode).toBe(200);
    const again = await post('/auth/password/change', { username: user.username, password: 'a brand new passphrase', newPassword: 'another new passphrase' });
    expect(again.json<ErrorAnswer>().error.code).toBe('conflict');
    const changedEvents = await server.db.selectFrom('audit_events').select('outcome').where('action', '=', 'auth.password_changed').where('entity_id', '=', user.id).execute();
    expect(changedEvents).toEqual([{ outcome: 'success' }]);
  });

  it('takes an initial password from the admin (no temporary one returned) and refuses a taken username or another agency\'s team', async () => {
    const created = await create(admin, { password: 'initial passphrase 1' });
    expect(created.status).toBe(200);
    expect(created.body.temporaryPassword).toBeUndefined();
    expect((await login(created.body.user.username, 'initial passphrase 1')).json<ErrorAnswer>().error.code).toBe('password_change_required');

    const before = await usernames();
    const taken = await call<ErrorAnswer>(server, admin, 'POST', '/users', { username: created.body.user.username.toUpperCase(), displayName: 'Dup', role: 'practitioner' });
    expect(taken.status).toBe(409);
    expect(taken.body.error.message).toContain('already taken');
    const foreignTeam = await create(admin, { teamIds: [policeTeam] });
    expect(foreignTeam.status).toBe(400);
    expect(foreignTeam.body).toMatchObject({ error: { code: 'validation_error' } });
    const badName = await create(admin, { username: 'x' });
    expect(badName.status).toBe(400);
    expect(await usernames()).toEqual(before);
  });

  it('never lets an admin grant a role above their own, and refuses non-admins', async () => {
    const before = await usernames();
    const tooHigh = await create(admin, { role: 'system_admin' });
    expect(tooHigh.status).toBe(403);
    expect(tooHigh.body).toEqual({ error: { code: 'authorization_error', message: 'You cannot give an account a role above your own.' } });
    const byPractitioner = await create(practitioner, {});
    expect(byPractitioner.status).toBe(403);
    expect((await call(server, practitioner, 'GET', '/users')).status).toBe(403);
    expect(await usernames()).toEqual(before);
    expect((await create(admin, { role: 'agency_admin' })).status).toBe(200);
  });

  it("refuses an agency admin every action on another agency's users, with a clear authorization_error, changing nothing", async () => {
    const policeUser = await buildUser(server.db, { agencyId: police, teamIds: [policeTeam] });
    const before = await usernames();
    const attempts = [
      await call<ErrorAnswer>(server, admin, 'GET', `/users?agencyId=${police}`),
      await call<ErrorAnswer>(server, admin, 'GET', `/teams?agencyId=${police}`),
      await call<ErrorAnswer>(server, admin, 'POST', '/users', { agencyId: police, username: 'intruder.made', displayName: 'Intruder', role: 'practitioner' }),
      await call<ErrorAnswer>(server, admin, 'POST', `/users/${policeUser.id}/disable`),
      await call<ErrorAnswer>(server, admin, 'POST', `/users/${policeUser.id}/enable`),
      await call<ErrorAnswer>(server, admin, 'POST', `/users/${policeUser.id}/password/reset`, {}),
      await call<ErrorAnswer>(server, admin, 'POST', `/users/${policeUser.id}/teams`, { teamIds: [] }),
      await call<ErrorAnswer>(server, admin, 'POST', '/teams', { agencyId: police, name: 'Planted' }),
    ];
    for (const res of attempts) {
      expect(res).toEqual({ status: 403, body: { error: { code: 'authorization_error', message: 'You can only manage users and teams of your own agency.' } } });
    }
    expect(await usernames()).toEqual(before);
    expect(await server.db.selectFrom('user_teams').select('team_id').where('user_id', '=', policeUser.id).execute()).toEqual([{ team_id: policeTeam }]);
    expect(await server.db.selectFrom('teams').select('name').where('agency_id', '=', police).execute()).toEqual([{ name: 'PPU' }]);
    expect((await adminEvents(policeUser.id)).map((e) => e.outcome)).toEqual(['denied', 'denied', 'denied', 'denied']);
    // Its own list never holds another agency's accounts.
    const own = await call<{ users: AdminUser[] }>(server, admin, 'GET', '/users');
    expect(own.body.users.length).toBeGreaterThan(0);
    expect(own.body.users.every((u) => u.agencyId === housing)).toBe(true);
    expect((await call<{ users: AdminUser[] }>(server, policeAdmin, 'GET', '/users')).body.users.map((u) => u.agencyId)).not.toContain(housing);
  });

  it('disables an account (its sessions end at once) and enables it again', async () => {
    const u = await buildUser(server.db, { agencyId: housing });
    const session = (await login(u.username, u.password)).json<Pair>();
    const disabled = await call<AdminUser>(server, admin, 'POST', `/users/${u.id}/disable`);
    expect(disabled).toMatchObject({ status: 200, body: { disabled: true } });
    expect((await server.app.inject({ method: 'GET', url: '/me', headers: { authorization: `Bearer ${session.accessToken}` } })).statusCode).toBe(401);
    expect((await post('/auth/refresh', { refreshToken: session.refreshToken })).statusCode).toBe(401);
    expect((await login(u.username, u.password)).json<ErrorAnswer>().error.code).toBe('authentication_error');
    expect((await call<AdminUser>(server, admin, 'POST', `/users/${u.id}/enable`)).body.disabled).toBe(false);
    expect((await login(u.username, u.password)).statusCode).toBe(200);
    expect((await adminEvents(u.id)).map((e) => (JSON.parse(e.details) as { change: string }).change)).toEqual(['user.disable', 'user.enable']);
  });

  it('resets a password: sessions end and the user must change it at the next sign-in', async () => {
    const u = await buildUser(server.db, { agencyId: housing });
    const session = (await login(u.username, u.password)).json<Pair>();
    const reset = await call<{ temporaryPassword: string }>(server, admin, 'POST', `/users/${u.id}/password/reset`, {});
    expect(reset.status).toBe(200);
    expect((await post('/auth/refresh', { refreshToken: session.refreshToken })).statusCode).toBe(401);
    expect((await server.app.inject({ method: 'GET', url: '/me', headers: { authorization: `Bearer ${session.accessToken}` } })).statusCode).toBe(401);
    expect((await login(u.username, u.password)).json<ErrorAnswer>().error.code).toBe('authentication_error');
    expect((await login(u.username, reset.body.temporaryPassword)).json<ErrorAnswer>().error.code).toBe('password_change_required');
  });

  it('moves a user between teams of their agency and creates and lists teams', async () => {
    const moved = await call<AdminUser>(server, admin, 'POST', `/users/${practitioner.id}/teams`, { teamIds: [housingTeams[1]] });
    expect(moved).toMatchObject({ status: 200, body: { teamIds: [housingTeams[1]] } });
    const made = await call<{ id: string; name: string; memberCount: number }>(server, admin, 'POST', '/teams', { name: 'Rough sleeping' });
    expect(made).toMatchObject({ status: 200, body: { name: 'Rough sleeping', memberCount: 0, agencyId: housing } });
    expect((await call<ErrorAnswer>(server, admin, 'POST', '/teams', { name: 'Rough sleeping' })).status).toBe(409);
    const teams = await call<{ teams: Array<{ name: string; memberCount: number }> }>(server, admin, 'GET', '/teams');
    expect(teams.body.teams.map((t) => t.name)).toEqual(['Estates', 'Rough sleeping', 'Tenancy']);
    expect(teams.body.teams.find((t) => t.name === 'Estates')!.memberCount).toBe(1);
  });

  it('lets a system admin manage any agency but never disable the last active system admin', async () => {
    const sys = await buildSignedInUser(server, police, [], 'system_admin');
    const listed = await call<{ users: AdminUser[] }>(server, sys, 'GET', `/users?agencyId=${housing}`);
    expect(listed.status).toBe(200);
    expect(listed.body.users.every((u) => u.agencyId === housing)).toBe(true);
    const last = await call<ErrorAnswer>(server, sys, 'POST', `/users/${sys.id}/disable`);
    expect(last).toEqual({ status: 409, body: { error: { code: 'conflict', message: 'This is the last active system administrator: enable or create another one first.' } } });
    expect((await server.db.selectFrom('users').select('disabled').where('id', '=', sys.id).executeTakeFirstOrThrow()).disabled).toBe(0);
    // An agency admin cannot touch a system admin's account at all.
    expect((await call(server, policeAdmin, 'POST', `/users/${sys.id}/password/reset`, {})).status).toBe(403);
    const second = await create(sys, { agencyId: housing, role: 'system_admin' });
    expect(second.status).toBe(200);
    expect((await call(server, sys, 'POST', `/users/${second.body.user.id}/disable`)).status).toBe(200);
  });
});
