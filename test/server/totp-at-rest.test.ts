/** TOTP secrets are sealed at rest (AES-256-GCM, user id bound); plain ones are sealed at start-up; a wrong key fails loudly. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newTotpSecret, totpCode } from '../../server/auth/totp.ts';
import { sealTotpSecret } from '../../server/auth/totp-secret-box.ts';
import { startServer } from '../../server/start-server.ts';
import { buildAgency, buildUser } from '../support/factories.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

interface ErrorAnswer { error: { code: string; message: string } }

describe.each(testDialects())('TOTP secrets at rest on %s', (dialect) => {
  let server: TestServer;
  let clock = new Date('2026-11-04T09:00:00.000Z');
  let strictAgencyId = '';
  let counter = 0;

  beforeAll(async () => {
    server = await startTestServer(dialect, { now: () => clock });
    strictAgencyId = await buildAgency(server.db, { name: 'Strict agency' });
    await server.db.updateTable('agencies').set({ require_totp: 1 }).where('id', '=', strictAgencyId).execute();
  });
  afterAll(() => server.stop());

  const newUser = async () => {
    counter += 1;
    return buildUser(server.db, { agencyId: strictAgencyId, username: `rest.user.${counter}`, password: `pass-rest-${counter}` });
  };
  const signIn = (user: { username: string; password: string }, secret: string) => {
    clock = new Date(clock.getTime() + 30_000);
    return server.app.inject({ method: 'POST', url: '/auth/login', payload: { username: user.username, password: user.password, totpCode: totpCode(secret, clock) } });
  };
  const stored = async (userId: string) =>
    (await server.db.selectFrom('users').select('totp_secret').where('id', '=', userId).executeTakeFirstOrThrow()).totp_secret ?? '';

  it('never stores the base32 secret: the column holds a v1 sealed value, and sign-in with the code still works', async () => {
    const user = await newUser();
    const setup = await server.app.inject({ method: 'POST', url: '/auth/totp/setup', payload: { username: user.username, password: user.password } });
    expect(setup.statusCode).toBe(200);
    const { secret } = setup.json<{ secret: string }>();
    const raw = await stored(user.id);
    expect(raw.startsWith('v1:')).toBe(true);
    expect(raw).not.toContain(secret);
    expect(Buffer.from(raw.slice(3), 'base64url').includes(Buffer.from(secret))).toBe(false);
    expect((await signIn(user, secret)).statusCode).toBe(200);
    expect((await signIn(user, secret)).statusCode).toBe(200);
  });

  it('seals secrets stored in plain text before, at start-up, and they still sign in', async () => {
    const user = await newUser();
    const secret = newTotpSecret();
    await server.db.updateTable('users').set({ totp_secret: secret, totp_enabled: 1 }).where('id', '=', user.id).execute();
    const second = await startServer({ ...server.ctx.config, port: 0 }, { logger: false, now: () => clock });
    await second.close();
    const raw = await stored(user.id);
    expect(raw.startsWith('v1:')).toBe(true);
    expect(raw).not.toContain(secret);
    const plainLeft = await server.db.selectFrom('users').select('id').where('totp_secret', 'is not', null).where('totp_secret', 'not like', 'v1:%').execute();
    expect(plainLeft).toEqual([]);
    expect((await signIn(user, secret)).statusCode).toBe(200);
  });

  it('refuses to start with a key that does not open the stored secrets', async () => {
    await expect(startServer({ ...server.ctx.config, port: 0, totpKey: 'c3'.repeat(32) }, { logger: false, now: () => clock }))
      .rejects.toThrow(/does not open the stored second-factor secrets/);
  });

  it('fails a sign-in clearly (internal error, no token) when a secret was sealed with another key or for another user', async () => {
    const user = await newUser();
    const secret = newTotpSecret();
    const otherKey = Buffer.from('d4'.repeat(32), 'hex');
    await server.db.updateTable('users').set({ totp_secret: sealTotpSecret(otherKey, user.id, secret), totp_enabled: 1 }).where('id', '=', user.id).execute();
    const wrongKey = await signIn(user, secret);
    expect(wrongKey.statusCode).toBe(500);
    expect(wrongKey.json<ErrorAnswer>().error.code).toBe('internal_error');

    const copied = await newUser();
    await server.db.updateTable('users').set({ totp_secret: sealTotpSecret(server.ctx.totpKey, user.id, secret), totp_enabled: 1 }).where('id', '=', copied.id).execute();
    const swapped = await signIn(copied, secret);
    expect(swapped.statusCode).toBe(500);
    expect(swapped.json<ErrorAnswer>().error.code).toBe('internal_error');
  });
});
