/** A TOTP code is good once: replays within its window are refused like wrong codes (RFC 6238 §5.2). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newTotpSecret, totpCode } from '../../server/auth/totp.ts';
import { buildAgency, buildUser } from '../support/factories.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

interface ErrorAnswer { error: { code: string; message: string } }

const WRONG_CODE = { code: 'authentication_error', message: 'Wrong verification code.' };
const START = Date.parse('2026-11-01T09:00:05.000Z');

describe.each(testDialects())('TOTP replay protection on %s', (dialect) => {
  let server: TestServer;
  let now = new Date(START);
  let agencyId: string;
  let strictAgencyId: string;

  beforeAll(async () => {
    server = await startTestServer(dialect, { now: () => now });
    agencyId = await buildAgency(server.db);
    strictAgencyId = await buildAgency(server.db, { name: 'Strict agency' });
    await server.db.updateTable('agencies').set({ require_totp: 1 }).where('id', '=', strictAgencyId).execute();
  });
  afterAll(() => server.stop());

  const post = (url: string, payload?: object, token?: string) =>
    server.app.inject({ method: 'POST', url, ...(payload ? { payload } : {}), headers: token ? { authorization: `Bearer ${token}` } : {} });
  const login = (user: { username: string; password: string }, totp?: string) =>
    post('/auth/login', { username: user.username, password: user.password, ...(totp === undefined ? {} : { totpCode: totp }) });
  /** The code `seconds` from now on the test clock. */
  const codeAt = (secret: string, seconds: number) => totpCode(secret, new Date(now.getTime() + seconds * 1000));
  /** A user whose second factor is already on (set up as the enrolment flow leaves it). */
  const enrolledUser = async (username: string) => {
    const user = await buildUser(server.db, { agencyId, username, password: `pass-${username}` });
    const secret = newTotpSecret();
    await server.db.updateTable('users').set({ totp_secret: secret, totp_enabled: 1 }).where('id', '=', user.id).execute();
    return { ...user, secret };
  };

  it('refuses the same code a second time within its window, with the wrong-code answer, and accepts the next step\'s code once', async () => {
    now = new Date(START);
    const user = await enrolledUser('replay.user');
    const code = codeAt(user.secret, 0);
    expect((await login(user, code)).statusCode).toBe(200);

    const replay = await login(user, code);
    expect(replay.statusCode).toBe(401);
    expect(replay.json<ErrorAnswer>().error).toEqual(WRONG_CODE);
    // Thirty seconds on, the code is still inside the drift window (one step back) and still refused.
    now = new Date(START + 30_000);
    const stillInWindow = await login(user, code);
    expect(stillInWindow.statusCode).toBe(401);
    expect(stillInWindow.body).toBe(replay.body);

    const next = codeAt(user.secret, 0);
    expect(next).not.toBe(code);
    expect((await login(user, next)).statusCode).toBe(200);
    expect((await login(user, next)).json<ErrorAnswer>().error).toEqual(WRONG_CODE);
    const row = await server.db.selectFrom('users').select('totp_last_step').where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(row.totp_last_step).toBe(Math.floor((START + 30_000) / 30_000));
  });

  it('refuses a code older than the last one used even though it is inside the window', async () => {
    now = new Date(START);
    const user = await enrolledUser('ahead.user');
    // A phone running a little fast: its code for the next step is accepted, which uses up this step too.
    expect((await login(user, codeAt(user.secret, 30))).statusCode).toBe(200);
    expect((await login(user, codeAt(user.secret, 0))).json<ErrorAnswer>().error).toEqual(WRONG_CODE);
  });

  it('counts replays towards lockout and audits them exactly as wrong codes', async () => {
    now = new Date(START);
    const user = await enrolledUser('replay.lockout');
    const code = codeAt(user.secret, 0);
    expect((await login(user, code)).statusCode).toBe(200);
    // A second later, so the success is unambiguously before the failures in the attempt history.
    now = new Date(START + 1000);
    const wrong = codeAt(user.secret, 600);
    const wrongAnswer = await login(user, wrong);
    for (let i = 0; i < 4; i += 1) {
      const replay = await login(user, code);
      expect(replay.statusCode).toBe(wrongAnswer.statusCode);
      expect(replay.body).toBe(wrongAnswer.body);
    }
    const locked = await login(user, codeAt(user.secret, 30));
    expect(locked.json<ErrorAnswer>().error.code).toBe('account_locked');

    const failures = await server.db.selectFrom('audit_events').select(['outcome', 'details', 'user_id'])
      .where('action', '=', 'auth.login_failed').where('user_id', '=', user.id).orderBy('seq').execute();
    const asWrongCode = { outcome: 'failure', details: JSON.stringify({ username: user.username, reason: 'wrong_totp' }), user_id: user.id };
    expect(failures.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => asWrongCode));
    expect(failures[5]).toMatchObject({ outcome: 'denied' });
    const attempts = await server.db.selectFrom('login_attempts').select('succeeded').where('user_id', '=', user.id).execute();
    expect(attempts.filter((a) => a.succeeded === 0)).toHaveLength(6);
  });

  it('lets only one of several concurrent sign-ins with the same code through', async () => {
    for (const round of [1, 2, 3, 4, 5]) {
      now = new Date(START + round * 60_000);
      const user = await enrolledUser(`race.user.${round}`);
      const code = codeAt(user.secret, 0);
      const answers = await Promise.all([1, 2, 3, 4].map(() => login(user, code)));
      expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 401, 401, 401]);
      for (const refused of answers.filter((a) => a.statusCode === 401)) {
        expect(refused.json<ErrorAnswer>().error).toEqual(WRONG_CODE);
      }
      // Exactly one session and one successful sign-in were written.
      const tokens = await server.db.selectFrom('refresh_tokens').select('id').where('user_id', '=', user.id).execute();
      expect(tokens).toHaveLength(1);
      const logins = await server.db.selectFrom('audit_events').select('id').where('action', '=', 'auth.login').where('user_id', '=', user.id).execute();
      expect(logins).toHaveLength(1);
      const attempts = await server.db.selectFrom('login_attempts').select('succeeded').where('user_id', '=', user.id).orderBy('succeeded').execute();
      expect(attempts.map((a) => a.succeeded)).toEqual([0, 0, 0, 1]);
    }
  });

  it('does not let the code that confirmed an enrolment sign in', async () => {
    now = new Date(START);
    const user = await buildUser(server.db, { agencyId, username: 'confirm.replay', password: 'pass-confirm-replay' });
    const token = (await login(user)).json<{ accessToken: string }>().accessToken;
    const { secret } = (await post('/auth/totp/enrol', undefined, token)).json<{ secret: string }>();
    const code = codeAt(secret, 0);
    expect((await post('/auth/totp/confirm', { code }, token)).statusCode).toBe(200);
    expect((await login(user, code)).json<ErrorAnswer>().error).toEqual(WRONG_CODE);
    now = new Date(START + 30_000);
    expect((await login(user, codeAt(secret, 0))).statusCode).toBe(200);
  });

  it('does not let the code that confirmed an enrolment at sign-in be used again', async () => {
    now = new Date(START);
    const user = await buildUser(server.db, { agencyId: strictAgencyId, username: 'strict.replay', password: 'pass-strict-replay' });
    const { secret } = (await post('/auth/totp/setup', { username: user.username, password: user.password })).json<{ secret: string }>();
    const code = codeAt(secret, 0);
    expect((await login(user, code)).statusCode).toBe(200);
    expect((await login(user, code)).json<ErrorAnswer>().error).toEqual(WRONG_CODE);
    expect((await login(user, codeAt(secret, 30))).statusCode).toBe(200);
  });
});
