import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../../server/auth/totp.ts';
import { buildAgency, buildUser } from '../support/factories.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

interface ErrorAnswer { error: { code: string; message: string } }

describe.each(testDialects())('TOTP second factor on %s', (dialect) => {
  let server: TestServer;
  const clock = new Date('2026-11-01T09:00:00.000Z');
  let agencyId: string;
  let strictAgencyId: string;

  beforeAll(async () => {
    server = await startTestServer(dialect, { now: () => clock });
    agencyId = await buildAgency(server.db);
    strictAgencyId = await buildAgency(server.db, { name: 'Strict agency' });
    await server.db.updateTable('agencies').set({ require_totp: 1 }).where('id', '=', strictAgencyId).execute();
  });
  afterAll(() => server.stop());

  const post = (url: string, payload?: object, token?: string) =>
    server.app.inject({ method: 'POST', url, ...(payload ? { payload } : {}), headers: token ? { authorization: `Bearer ${token}` } : {} });
  const accessToken = async (username: string, password: string) =>
    (await post('/auth/login', { username, password })).json<{ accessToken: string }>().accessToken;

  it('enrols, stays off until confirmed, then requires the current code to sign in', async () => {
    const user = await buildUser(server.db, { agencyId, username: 'totp.user', password: 'pass-totp-1' });
    const token = await accessToken(user.username, user.password);
    const enrol = await post('/auth/totp/enrol', undefined, token);
    expect(enrol.statusCode).toBe(200);
    const { secret, otpauthUri } = enrol.json<{ secret: string; otpauthUri: string }>();
    expect(otpauthUri).toContain(`secret=${secret}`);
    // Not enabled yet: password alone still signs in.
    expect((await post('/auth/login', { username: user.username, password: user.password })).statusCode).toBe(200);

    const wrongConfirm = await post('/auth/totp/confirm', { code: '000000' === totpCode(secret, clock) ? '111111' : '000000' }, token);
    expect(wrongConfirm.statusCode).toBe(400);
    // Confirmed with the previous step's code (inside the drift window): a code is good once, and
    // the sign-in below uses the current one.
    expect((await post('/auth/totp/confirm', { code: totpCode(secret, new Date(clock.getTime() - 30_000)) }, token)).statusCode).toBe(200);

    const missing = await post('/auth/login', { username: user.username, password: user.password });
    expect(missing.statusCode).toBe(401);
    expect(missing.json<ErrorAnswer>().error.code).toBe('totp_required');
    const ok = await post('/auth/login', { username: user.username, password: user.password, totpCode: totpCode(secret, clock) });
    expect(ok.statusCode).toBe(200);
    // Enrolling again cannot silently replace the active factor.
    expect((await post('/auth/totp/enrol', undefined, token)).json<ErrorAnswer>().error.code).toBe('conflict');
    const audit = await server.db.selectFrom('audit_events').select('action').where('user_id', '=', user.id).where('action', '=', 'auth.totp_enrolled').execute();
    expect(audit).toHaveLength(1);
  });

  it('refuses a wrong code with authentication_error and counts it towards lockout', async () => {
    const user = await buildUser(server.db, { agencyId, username: 'totp.wrong', password: 'pass-totp-2' });
    const token = await accessToken(user.username, user.password);
    const { secret } = (await post('/auth/totp/enrol', undefined, token)).json<{ secret: string }>();
    await post('/auth/totp/confirm', { code: totpCode(secret, clock) }, token);
    const wrong = totpCode(secret, new Date(clock.getTime() + 10 * 60_000));
    const res = await post('/auth/login', { username: user.username, password: user.password, totpCode: wrong });
    expect(res.statusCode).toBe(401);
    expect(res.json<ErrorAnswer>().error).toEqual({ code: 'authentication_error', message: 'Wrong verification code.' });
    for (let i = 0; i < 4; i += 1) {
      await post('/auth/login', { username: user.username, password: user.password, totpCode: wrong });
    }
    const locked = await post('/auth/login', { username: user.username, password: user.password, totpCode: totpCode(secret, clock) });
    expect(locked.json<ErrorAnswer>().error.code).toBe('account_locked');
  });

  it('makes a user of an agency that requires TOTP set one up before signing in, confirmed by the first code', async () => {
    const user = await buildUser(server.db, { agencyId: strictAgencyId, username: 'strict.user', password: 'pass-strict-1' });
    const blocked = await post('/auth/login', { username: user.username, password: user.password });
    expect(blocked.statusCode).toBe(401);
    expect(blocked.json<ErrorAnswer>().error.code).toBe('totp_enrolment_required');

    expect((await post('/auth/totp/setup', { username: user.username, password: 'wrong' })).statusCode).toBe(401);
    const setup = await post('/auth/totp/setup', { username: user.username, password: user.password });
    expect(setup.statusCode).toBe(200);
    const { secret } = setup.json<{ secret: string }>();
    // Set-up is not finished until a code is used: the password alone is still not enough.
    expect((await post('/auth/login', { username: user.username, password: user.password })).json<ErrorAnswer>().error.code).toBe('totp_enrolment_required');
    const bad = await post('/auth/login', { username: user.username, password: user.password, totpCode: totpCode(secret, new Date(0)) });
    expect(bad.json<ErrorAnswer>().error.code).toBe('authentication_error');
    const signedIn = await post('/auth/login', { username: user.username, password: user.password, totpCode: totpCode(secret, clock) });
    expect(signedIn.statusCode).toBe(200);
    const row = await server.db.selectFrom('users').select('totp_enabled').where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(row.totp_enabled).toBe(1);
    // Once on, set-up by password can no longer replace it.
    expect((await post('/auth/totp/setup', { username: user.username, password: user.password })).json<ErrorAnswer>().error.code).toBe('conflict');
  });

  it('does not offer password set-up to users whose agency does not require TOTP', async () => {
    const user = await buildUser(server.db, { agencyId, username: 'relaxed.user', password: 'pass-relaxed' });
    const res = await post('/auth/totp/setup', { username: user.username, password: user.password });
    expect(res.statusCode).toBe(403);
    const row = await server.db.selectFrom('users').select('totp_secret').where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(row.totp_secret).toBeNull();
  });
});
