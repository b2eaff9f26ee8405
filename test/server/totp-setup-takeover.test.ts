/** A password alone cannot take over a pending or enabled authenticator-app set-up (docs/security.md). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../../server/auth/totp.ts';
import { buildAgency, buildUser } from '../support/factories.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

interface ErrorAnswer { error: { code: string; message: string } }
interface SetUp { secret: string; otpauthUri: string; setupToken: string }

describe.each(testDialects())('TOTP set-up by password on %s', (dialect) => {
  let server: TestServer;
  let clock = new Date('2026-11-03T09:00:00.000Z');
  let strictAgencyId = '';
  let counter = 0;

  beforeAll(async () => {
    server = await startTestServer(dialect, { now: () => clock });
    strictAgencyId = await buildAgency(server.db, { name: 'Strict agency' });
    await server.db.updateTable('agencies').set({ require_totp: 1 }).where('id', '=', strictAgencyId).execute();
  });
  afterAll(() => server.stop());

  const post = (url: string, payload?: object, token?: string) =>
    server.app.inject({ method: 'POST', url, ...(payload ? { payload } : {}), headers: token ? { authorization: `Bearer ${token}` } : {} });
  const newUser = async () => {
    counter += 1;
    return buildUser(server.db, { agencyId: strictAgencyId, username: `setup.user.${counter}`, password: `pass-setup-${counter}` });
  };
  const setUp = (user: { username: string; password: string }, setupToken?: string) =>
    post('/auth/totp/setup', { username: user.username, password: user.password, ...(setupToken ? { setupToken } : {}) });
  const signIn = (user: { username: string; password: string }, secret: string) =>
    post('/auth/login', { username: user.username, password: user.password, totpCode: totpCode(secret, clock) });
  const nextStep = () => {
    clock = new Date(clock.getTime() + 30_000);
  };

  it('refuses an attacker with only the password who tries to replace a pending set-up, so they cannot enrol their own app', async () => {
    const victim = await newUser();
    const mine = await setUp(victim);
    expect(mine.statusCode).toBe(200);
    const { secret } = mine.json<SetUp>();

    const attack = await setUp(victim);
    expect(attack.statusCode).toBe(409);
    expect(attack.json<ErrorAnswer>().error.code).toBe('conflict');
    expect(attack.json<ErrorAnswer>().error.message).toContain('already being set up');
    // A made-up token is no better than none.
    expect((await setUp(victim, 'x'.repeat(43))).statusCode).toBe(409);
    const refusals = await server.db.selectFrom('audit_events').select(['outcome', 'details']).where('action', '=', 'auth.login_failed').where('user_id', '=', victim.id).execute();
    expect(refusals).toHaveLength(2);
    expect(refusals.every((r) => r.outcome === 'denied' && String(r.details).includes('totp_setup_pending'))).toBe(true);
    // The victim's pending secret is untouched: their first code confirms it.
    expect((await signIn(victim, secret)).statusCode).toBe(200);
    const row = await server.db.selectFrom('users').select(['totp_enabled', 'totp_setup_hash']).where('id', '=', victim.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ totp_enabled: 1, totp_setup_hash: null });
    // Once enabled, neither a password nor the old set-up token replaces it.
    nextStep();
    expect((await setUp(victim)).statusCode).toBe(409);
    expect((await setUp(victim, mine.json<SetUp>().setupToken)).statusCode).toBe(409);
    expect((await signIn(victim, secret)).statusCode).toBe(200);
  });

  it('lets the holder of the set-up token start again (a lost QR code), after which the old secret and token are dead', async () => {
    const user = await newUser();
    const first = (await setUp(user)).json<SetUp>();
    const again = await setUp(user, first.setupToken);
    expect(again.statusCode).toBe(200);
    const second = again.json<SetUp>();
    expect(second.secret).not.toBe(first.secret);
    expect(second.setupToken).not.toBe(first.setupToken);
    expect((await setUp(user, first.setupToken)).statusCode).toBe(409);
    expect((await signIn(user, first.secret)).json<ErrorAnswer>().error.code).toBe('authentication_error');
    nextStep();
    expect((await signIn(user, second.secret)).statusCode).toBe(200);
  });

  it('lets the password start a set-up again after an admin reset clears the pending one', async () => {
    const user = await newUser();
    const admin = await buildUser(server.db, { agencyId: strictAgencyId, role: 'agency_admin', username: `setup.admin.${counter}`, password: 'pass-setup-admin' });
    await server.db.updateTable('users').set({ totp_enabled: 1, totp_secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP' }).where('id', '=', admin.id).execute();
    const adminToken = (await post('/auth/login', { username: admin.username, password: admin.password, totpCode: totpCode('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', clock) })).json<{ accessToken: string }>().accessToken;
    await setUp(user);
    expect((await setUp(user)).statusCode).toBe(409);
    expect((await post(`/users/${user.id}/totp/reset`, undefined, adminToken)).statusCode).toBe(200);
    const fresh = await setUp(user);
    expect(fresh.statusCode).toBe(200);
    nextStep();
    expect((await signIn(user, fresh.json<SetUp>().secret)).statusCode).toBe(200);
  });
});
