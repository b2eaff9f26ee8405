import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFRESH_RETRY_GRACE_MS } from '../../server/auth/refresh-tokens.ts';
import { buildAgency, buildUser } from '../support/factories.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

describe.each(testDialects())('auth on %s', (dialect) => {
  let server: TestServer;
  let user: { username: string; password: string };
  // The server's clock runs this far ahead of real time (to step past the refresh retry window).
  let skewMs = 0;

  beforeAll(async () => {
    server = await startTestServer(dialect, { now: () => new Date(Date.now() + skewMs) });
    const agencyId = await buildAgency(server.db);
    user = await buildUser(server.db, { agencyId, username: 'pc.test', password: 'demo-pass-1' });
  });
  afterAll(() => server.stop());

  const post = (url: string, payload: unknown, token?: string) =>
    server.app.inject({ method: 'POST', url, payload: payload as object, headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('signs in with the right password and answers the current user with the access token', async () => {
    const res = await post('/auth/login', { username: 'PC.Test', password: user.password });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ accessToken: string; refreshToken: string; accessExpiresAt: string; user: { username: string } }>();
    expect(body.user.username).toBe('pc.test');
    expect(Date.parse(body.accessExpiresAt) - Date.now()).toBeLessThanOrEqual(15 * 60_000);
    const me = await server.app.inject({ method: 'GET', url: '/me', headers: { authorization: `Bearer ${body.accessToken}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json<{ username: string }>().username).toBe('pc.test');
  });

  it('refuses a wrong password with a clear authentication_error and no token', async () => {
    const res = await post('/auth/login', { username: user.username, password: 'wrong' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ error: { code: 'authentication_error', message: 'Wrong username or password.' } });
  });

  it('gives an unknown user exactly the same answer as a wrong password', async () => {
    const res = await post('/auth/login', { username: 'nobody.here', password: 'wrong' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ error: { code: 'authentication_error', message: 'Wrong username or password.' } });
  });

  it('answers 401 without a token and 400 with a typed error for a malformed body', async () => {
    expect((await server.app.inject({ method: 'GET', url: '/me' })).statusCode).toBe(401);
    const bad = await post('/auth/login', { username: 42 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { code: string } }>().error.code).toBe('validation_error');
  });

  it('rotates refresh tokens and revokes the whole family when an old one is replayed', async () => {
    const login = (await post('/auth/login', { username: user.username, password: user.password })).json<{ refreshToken: string }>();
    const first = await post('/auth/refresh', { refreshToken: login.refreshToken });
    expect(first.statusCode).toBe(200);
    const rotated = first.json<{ refreshToken: string }>().refreshToken;
    expect(rotated).not.toBe(login.refreshToken);
    const second = await post('/auth/refresh', { refreshToken: rotated });
    expect(second.statusCode).toBe(200);
    const newest = second.json<{ refreshToken: string }>().refreshToken;

    const replay = await post('/auth/refresh', { refreshToken: login.refreshToken });
    expect(replay.statusCode).toBe(401);
    // The thief's replay also kills the legitimate newer token.
    expect((await post('/auth/refresh', { refreshToken: newest })).statusCode).toBe(401);
  });

  it('lets a client whose refresh reply was lost retry with its old token once, and the lost token dies', async () => {
    const login = (await post('/auth/login', { username: user.username, password: user.password })).json<{ refreshToken: string }>();
    const lost = (await post('/auth/refresh', { refreshToken: login.refreshToken })).json<{ refreshToken: string }>().refreshToken;
    const retry = await post('/auth/refresh', { refreshToken: login.refreshToken });
    expect(retry.statusCode).toBe(200);
    const fresh = retry.json<{ refreshToken: string }>().refreshToken;
    expect(new Set([login.refreshToken, lost, fresh]).size).toBe(3);
    // The family lives on through the retried token; presenting the lost one is reuse and ends it.
    const next = await post('/auth/refresh', { refreshToken: fresh });
    expect(next.statusCode).toBe(200);
    expect((await post('/auth/refresh', { refreshToken: lost })).statusCode).toBe(401);
    expect((await post('/auth/refresh', { refreshToken: next.json<{ refreshToken: string }>().refreshToken })).statusCode).toBe(401);
  });

  it('treats the old token as reuse once the retry window has passed', async () => {
    const login = (await post('/auth/login', { username: user.username, password: user.password })).json<{ refreshToken: string }>();
    const rotated = (await post('/auth/refresh', { refreshToken: login.refreshToken })).json<{ refreshToken: string }>().refreshToken;
    skewMs = REFRESH_RETRY_GRACE_MS + 1000;
    try {
      expect((await post('/auth/refresh', { refreshToken: login.refreshToken })).statusCode).toBe(401);
      expect((await post('/auth/refresh', { refreshToken: rotated })).statusCode).toBe(401);
    } finally {
      skewMs = 0;
    }
  });

  it('stores only argon2id hashes of passwords and only hashes of refresh tokens', async () => {
    const login = (await post('/auth/login', { username: user.username, password: user.password })).json<{ refreshToken: string }>();
    const users = await server.db.selectFrom('users').select('password_hash').execute();
    expect(users.every((u) => u.password_hash.startsWith('$argon2id$'))).toBe(true);
    const tokens = await server.db.selectFrom('refresh_tokens').select('token_hash').execute();
    expect(tokens.some((t) => t.token_hash === login.refreshToken)).toBe(false);
  });
});
