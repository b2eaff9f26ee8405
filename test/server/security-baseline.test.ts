import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.ts';
import { RATE_LIMITS } from '../../server/http/security-plugins.ts';
import { buildAgency, buildUser } from '../support/factories.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

describe.each(testDialects())('security baseline on %s', (dialect) => {
  let server: TestServer;
  let agencyId: string;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    agencyId = await buildAgency(server.db);
  });
  afterAll(() => server.stop());

  it('issues access tokens that last at most 15 minutes', async () => {
    const user = await buildUser(server.db, { agencyId, password: 'pass-expiry' });
    const res = await server.app.inject({ method: 'POST', url: '/auth/login', payload: { username: user.username, password: user.password } });
    const { accessToken, accessExpiresAt } = res.json<{ accessToken: string; accessExpiresAt: string }>();
    const claims = JSON.parse(Buffer.from(accessToken.split('.')[1]!, 'base64url').toString()) as { iat: number; exp: number };
    expect(claims.exp - claims.iat).toBeLessThanOrEqual(900);
    expect(Date.parse(accessExpiresAt)).toBe(claims.exp * 1000);
  });

  it('answers a flood of sign-ins for one username from one address with 429 rate_limited, other usernames unaffected', async () => {
    const codes: number[] = [];
    for (let i = 0; i < RATE_LIMITS.signInPerIpAndUsername + 2; i += 1) {
      codes.push((await server.app.inject({ method: 'POST', url: '/auth/login', payload: { username: 'flood.target', password: `guess-${i}` } })).statusCode);
    }
    expect(codes.slice(0, RATE_LIMITS.signInPerIpAndUsername).every((c) => c === 401 || c === 423)).toBe(true);
    const limited = await server.app.inject({ method: 'POST', url: '/auth/login', payload: { username: 'FLOOD.target', password: 'x' } });
    expect(limited.statusCode).toBe(429);
    expect(limited.json<{ error: { code: string } }>().error.code).toBe('rate_limited');
    const other = await server.app.inject({ method: 'POST', url: '/auth/login', payload: { username: 'someone.else', password: 'x' } });
    expect(other.statusCode).toBe(401);
  });

  it('does not throttle many ordinary requests from loopback (other suites hammer the API in-process)', async () => {
    for (let i = 0; i < RATE_LIMITS.globalPerIp + 5; i += 1) {
      const res = await server.app.inject({ method: 'GET', url: '/health' });
      if (res.statusCode !== 200) {
        throw new Error(`request ${i} answered ${res.statusCode}`);
      }
    }
  });

  it('sends security headers on every answer', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/health' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['strict-transport-security']).toContain('max-age=');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('answers 500 without a stack trace, SQL or the failing values', async () => {
    const app = await buildApp(server.ctx, { logger: false });
    app.get('/boom', () => {
      throw new Error("SELECT * FROM users WHERE password_hash = 'secret-hash-value'");
    });
    app.get('/bad-sql', async () => sql`SELECT secret_column FROM no_such_table WHERE x = ${'leaky-value'}`.execute(server.ctx.db));
    for (const url of ['/boom', '/bad-sql']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(500);
      expect(res.json()).toEqual({ error: { code: 'internal_error', message: 'Something went wrong on the server.' } });
      expect(res.body).not.toMatch(/select|no_such_table|secret|leaky|at \w+ \(|\.ts:/i);
    }
    await app.close();
  });
});

describe('request logs', () => {
  it('carry no authorization header, password, username or SQL', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cb-log-'));
    // A separate process so the real pino logger writes to a stdout we can read.
    const script = `
      import { startServer } from './server/start-server.ts';
      const server = await startServer({ database: { dialect: 'sqlite', file: ${JSON.stringify(join(dataDir, 'db.sqlite'))} }, dataDir: ${JSON.stringify(dataDir)},
        host: '127.0.0.1', port: 0, jwtSecret: 'log-test-secret-that-is-long-enough-for-hs256', accessTokenSeconds: 900, refreshTokenDays: 14 }, { logger: true });
      await server.app.inject({ method: 'GET', url: '/me', headers: { authorization: 'Bearer very-secret-bearer-token' } });
      await server.app.inject({ method: 'POST', url: '/auth/login', payload: { username: 'jane.logged', password: 'hunter2-password' } });
      await server.close();`;
    try {
      const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: process.cwd(), encoding: 'utf8' });
      expect(out).toContain('"statusCode":401');
      for (const secret of ['very-secret-bearer-token', 'hunter2-password', 'jane.logged', 'SELECT']) {
        expect(out).not.toContain(secret);
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
