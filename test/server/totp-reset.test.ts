/** An admin resets a user's authenticator app after a lost phone: audited, sessions end, scoped to the agency. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../domain/vocabulary.ts';
import { newTotpSecret, totpCode } from '../../server/auth/totp.ts';
import { buildAgency, buildUser } from '../support/factories.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

interface ErrorAnswer { error: { code: string; message: string } }
interface Pair { accessToken: string; refreshToken: string }

describe.each(testDialects())('TOTP reset by an administrator on %s', (dialect) => {
  let server: TestServer;
  const clock = new Date('2026-11-01T09:00:05.000Z');
  let agencyId: string;
  let strictAgencyId: string;
  let otherAgencyId: string;
  let counter = 0;

  beforeAll(async () => {
    server = await startTestServer(dialect, { now: () => clock });
    agencyId = await buildAgency(server.db, { name: 'Relaxed council' });
    strictAgencyId = await buildAgency(server.db, { name: 'Strict police force' });
    otherAgencyId = await buildAgency(server.db, { name: 'Other housing provider' });
    await server.db.updateTable('agencies').set({ require_totp: 1 }).where('id', '=', strictAgencyId).execute();
  });
  afterAll(() => server.stop());

  const post = (url: string, payload?: object, token?: string) =>
    server.app.inject({ method: 'POST', url, ...(payload ? { payload } : {}), headers: token ? { authorization: `Bearer ${token}` } : {} });
  const login = (user: { username: string; password: string }, totp?: string) =>
    post('/auth/login', { username: user.username, password: user.password, ...(totp === undefined ? {} : { totpCode: totp }) });
  const reset = (userId: string, token: string) => post(`/users/${userId}/totp/reset`, undefined, token);
  /** A user whose second factor is on, signed in once with its current code. */
  const enrolledAndSignedIn = async (agency: string, role: Role = 'practitioner') => {
    counter += 1;
    const user = await buildUser(server.db, { agencyId: agency, username: `phone.owner.${counter}`, password: `pass-phone-${counter}`, role });
    const secret = newTotpSecret();
    await server.db.updateTable('users').set({ totp_secret: secret, totp_enabled: 1 }).where('id', '=', user.id).execute();
    const session = await login(user, totpCode(secret, clock));
    expect(session.statusCode).toBe(200);
    return { ...user, secret, session: session.json<Pair>() };
  };
  /** An access token for a user of the given role in an agency that does not require a second factor. */
  const tokenOf = async (agency: string, role: Role) => {
    counter += 1;
    const user = await buildUser(server.db, { agencyId: agency, username: `${role}.${counter}`, password: `pass-${role}-${counter}`, role });
    const res = await login(user);
    expect(res.statusCode).toBe(200);
    return { id: user.id, token: res.json<Pair>().accessToken };
  };
  const totpRow = (userId: string) =>
    server.db.selectFrom('users').select(['totp_secret', 'totp_enabled', 'totp_last_step']).where('id', '=', userId).executeTakeFirstOrThrow();
  const resetEvents = (userId: string) =>
    server.db.selectFrom('audit_events').select(['user_id', 'agency_id', 'entity_type', 'outcome']).where('action', '=', 'auth.totp_reset').where('entity_id', '=', userId).execute();

  it('lets an agency admin reset a colleague: the factor is removed, sessions end, it is audited, and the password alone signs in again', async () => {
    const user = await enrolledAndSignedIn(agencyId);
    const admin = await tokenOf(agencyId, 'agency_admin');
    const issued = clock.getTime();
    clock.setTime(issued + 1000); // the reset comes a second after the user's session began
    try {
      await resetAndCheck(user, admin);
    } finally {
      clock.setTime(issued);
    }
  });

  async function resetAndCheck(user: Awaited<ReturnType<typeof enrolledAndSignedIn>>, admin: { id: string; token: string }): Promise<void> {
    const res = await reset(user.id, admin.token);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true });

    expect(await totpRow(user.id)).toEqual({ totp_secret: null, totp_enabled: 0, totp_last_step: null });
    const refreshed = await post('/auth/refresh', { refreshToken: user.session.refreshToken });
    expect(refreshed.statusCode).toBe(401);
    expect(refreshed.json<ErrorAnswer>().error.code).toBe('authentication_error');
    expect(await resetEvents(user.id)).toEqual([{ user_id: admin.id, agency_id: agencyId, entity_type: 'user', outcome: 'success' }]);
    // The access token issued before the reset stops working at once, so nobody can enrol their own app with it.
    const me = (token: string) => server.app.inject({ method: 'GET', url: '/me', headers: { authorization: `Bearer ${token}` } });
    expect((await me(user.session.accessToken)).statusCode).toBe(401);
    expect((await post('/auth/totp/enrol', {}, user.session.accessToken)).statusCode).toBe(401);

    // The agency does not require a second factor, so the password is enough until the user sets one up again.
    const again = await login(user);
    expect(again.statusCode).toBe(200);
    expect((await me(again.json<Pair>().accessToken)).statusCode).toBe(200);
  }

  it('makes a user of an agency that requires TOTP set up a new authenticator app, which the old phone\'s codes do not satisfy', async () => {
    const user = await enrolledAndSignedIn(strictAgencyId);
    const admin = await enrolledAndSignedIn(strictAgencyId, 'agency_admin');
    expect((await reset(user.id, admin.session.accessToken)).statusCode).toBe(200);

    const blocked = await login(user);
    expect(blocked.json<ErrorAnswer>().error.code).toBe('totp_enrolment_required');
    const oldPhone = await login(user, totpCode(user.secret, clock));
    expect(oldPhone.json<ErrorAnswer>().error.code).toBe('totp_enrolment_required');
    const setup = await post('/auth/totp/setup', { username: user.username, password: user.password });
    expect(setup.statusCode).toBe(200);
    const { secret } = setup.json<{ secret: string }>();
    expect(secret).not.toBe(user.secret);
    expect((await login(user, totpCode(user.secret, clock))).json<ErrorAnswer>().error.code).toBe('authentication_error');
    // The step used before the reset is forgotten with the old secret: the new phone's current code works now.
    expect((await login(user, totpCode(secret, clock))).statusCode).toBe(200);
    expect((await totpRow(user.id)).totp_enabled).toBe(1);
  });

  it('lets a system admin reset a user of any agency', async () => {
    const user = await enrolledAndSignedIn(strictAgencyId);
    const systemAdmin = await tokenOf(otherAgencyId, 'system_admin');
    expect((await reset(user.id, systemAdmin.token)).statusCode).toBe(200);
    expect((await totpRow(user.id)).totp_enabled).toBe(0);
    expect(await resetEvents(user.id)).toEqual([{ user_id: systemAdmin.id, agency_id: otherAgencyId, entity_type: 'user', outcome: 'success' }]);
  });

  it('refuses other agencies\' admins (404), non-admins and the user themselves (403), and an agency admin resetting a system admin (403), changing nothing', async () => {
    const user = await enrolledAndSignedIn(agencyId);
    const systemAdmin = await enrolledAndSignedIn(agencyId, 'system_admin');
    const before = [await totpRow(user.id), await totpRow(systemAdmin.id)];
    const outsiderAdmin = await tokenOf(otherAgencyId, 'agency_admin');
    const colleague = await tokenOf(agencyId, 'practitioner');
    const manager = await tokenOf(agencyId, 'team_manager');
    const dataOfficer = await tokenOf(agencyId, 'data_officer');
    const admin = await tokenOf(agencyId, 'agency_admin');

    const outsider = await reset(user.id, outsiderAdmin.token);
    expect(outsider.statusCode).toBe(404);
    expect(outsider.json<ErrorAnswer>().error.code).toBe('not_found');
    // The same answer as for an id that does not exist, so ids of other agencies are not confirmed.
    const missing = await reset(crypto.randomUUID(), outsiderAdmin.token);
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toBe(outsider.body);
    for (const token of [colleague.token, manager.token, dataOfficer.token, user.session.accessToken]) {
      const res = await reset(user.id, token);
      expect(res.statusCode).toBe(403);
      expect(res.json<ErrorAnswer>().error.code).toBe('authorization_error');
    }
    expect((await reset(systemAdmin.id, admin.token)).statusCode).toBe(403);

    expect([await totpRow(user.id), await totpRow(systemAdmin.id)]).toEqual(before);
    expect(before[0]?.totp_enabled).toBe(1);
    const tokens = await server.db.selectFrom('refresh_tokens').select('revoked_at').where('user_id', 'in', [user.id, systemAdmin.id]).execute();
    expect(tokens).toHaveLength(2);
    expect(tokens.every((t) => t.revoked_at === null)).toBe(true);
    expect([...await resetEvents(user.id), ...await resetEvents(systemAdmin.id)]).toEqual([]);
    expect((await post('/auth/refresh', { refreshToken: user.session.refreshToken })).statusCode).toBe(200);
  });
});
