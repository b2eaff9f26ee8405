import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgency, buildUser } from '../support/factories.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

describe.each(testDialects())('sign-in lockout and audit on %s', (dialect) => {
  let server: TestServer;
  let clock = new Date('2026-11-01T09:00:00.000Z');
  let agencyId: string;

  beforeAll(async () => {
    server = await startTestServer(dialect, { now: () => clock });
    agencyId = await buildAgency(server.db);
  });
  afterAll(() => server.stop());

  const login = (username: string, password: string) =>
    server.app.inject({ method: 'POST', url: '/auth/login', payload: { username, password } });
  const advance = (ms: number) => { clock = new Date(clock.getTime() + ms); };

  it('locks after five failures in 15 minutes, refuses even the right password, and unlocks after 15 minutes', async () => {
    const user = await buildUser(server.db, { agencyId, username: 'locked.out', password: 'right-password-1' });
    for (let i = 0; i < 5; i += 1) {
      expect((await login('Locked.Out', `wrong-${i}`)).statusCode).toBe(401);
      advance(60_000);
    }
    const refused = await login(user.username, user.password);
    expect(refused.statusCode).toBe(423);
    expect(refused.json<{ error: { code: string; message: string } }>().error).toEqual({
      code: 'account_locked', message: 'Too many failed sign-ins: this account is locked for 15 minutes. Try again later.',
    });
    // The lock runs 15 minutes from the fifth failure (a minute ago); retrying does not extend it.
    advance(13 * 60_000);
    expect((await login(user.username, user.password)).statusCode).toBe(423);
    advance(60_000);
    expect((await login(user.username, user.password)).statusCode).toBe(200);
  });

  it('does not lock when fewer than five failures fall within 15 minutes', async () => {
    const user = await buildUser(server.db, { agencyId, username: 'slow.typist', password: 'right-password-2' });
    for (let i = 0; i < 6; i += 1) {
      expect((await login(user.username, 'wrong')).statusCode).toBe(401);
      advance(4 * 60_000);
    }
    expect((await login(user.username, user.password)).statusCode).toBe(200);
  });

  it('locks an unknown username exactly like a real one, so lockout does not reveal who exists', async () => {
    for (let i = 0; i < 5; i += 1) {
      await login('ghost.user', 'wrong');
    }
    expect((await login('ghost.user', 'wrong')).json<{ error: { code: string } }>().error.code).toBe('account_locked');
    advance(16 * 60_000);
  });

  it('records every attempt lower-cased with the IP, and audits success, failure and lockout without the password', async () => {
    const user = await buildUser(server.db, { agencyId, username: 'audited.user', password: 'secret-pass-77' });
    await login('AUDITED.user', 'typo-pass-99');
    await login(user.username, user.password);
    const attempts = await server.db.selectFrom('login_attempts').selectAll().where('username', '=', 'audited.user').orderBy('at').execute();
    expect(attempts.map((a) => [a.succeeded, a.ip, a.user_id])).toEqual([[0, '127.0.0.1', user.id], [1, '127.0.0.1', user.id]]);

    const events = await server.db.selectFrom('audit_events').selectAll().orderBy('seq').execute();
    const mine = events.filter((e) => e.details.includes('audited.user') || e.user_id === user.id);
    expect(mine.map((e) => [e.action, e.outcome])).toEqual([['auth.login_failed', 'failure'], ['auth.login', 'success']]);
    expect(JSON.parse(mine[0]!.details)).toEqual({ username: 'audited.user', reason: 'wrong_password' });
    const locked = events.filter((e) => e.action === 'auth.login_failed' && e.outcome === 'denied');
    expect(locked.length).toBeGreaterThan(0);
    expect(JSON.parse(locked[0]!.details)).toMatchObject({ reason: 'account_locked' });
    const everything = JSON.stringify(events);
    for (const password of ['typo-pass-99', 'secret-pass-77', 'right-password-1', 'wrong-0']) {
      expect(everything).not.toContain(password);
    }
  });

  it('audits sign-out and refresh-token reuse', async () => {
    const user = await buildUser(server.db, { agencyId, username: 'reuse.victim', password: 'pass-for-reuse' });
    const pair = (await login(user.username, user.password)).json<{ refreshToken: string; accessToken: string }>();
    const rotated = (await server.app.inject({ method: 'POST', url: '/auth/refresh', payload: { refreshToken: pair.refreshToken } })).json<{ refreshToken: string }>();
    // Once the successor has been used, presenting the first token again is reuse (not a retry after a lost reply).
    expect((await server.app.inject({ method: 'POST', url: '/auth/refresh', payload: { refreshToken: rotated.refreshToken } })).statusCode).toBe(200);
    expect((await server.app.inject({ method: 'POST', url: '/auth/refresh', payload: { refreshToken: pair.refreshToken } })).statusCode).toBe(401);
    const out = await server.app.inject({
      method: 'POST', url: '/auth/logout', payload: { refreshToken: pair.refreshToken }, headers: { authorization: `Bearer ${pair.accessToken}` },
    });
    expect(out.statusCode).toBe(200);
    const events = await server.db.selectFrom('audit_events').select(['action', 'outcome']).where('user_id', '=', user.id).orderBy('seq').execute();
    expect(events).toEqual([
      { action: 'auth.login', outcome: 'success' },
      { action: 'auth.refresh_reuse', outcome: 'denied' },
      { action: 'auth.logout', outcome: 'success' },
    ]);
  });
});
