/** Behind a configured reverse proxy the client address comes from X-Forwarded-For; from anyone else the header is ignored. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readServerConfig } from '../../server/context/config.ts';
import { RATE_LIMITS } from '../../server/http/security-plugins.ts';
import { buildAgency, buildCase, buildUser } from '../support/factories.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const PROXY = '10.0.0.1';
const OTHER_PROXY_IN_RANGE = '192.168.50.7';
const UNTRUSTED = '198.51.100.9';
const CLIENT_A = '203.0.113.7';
const CLIENT_B = '203.0.113.8';

describe('CASEBRIDGE_TRUST_PROXY', () => {
  it('reads a comma-separated list of addresses and CIDR ranges, and trusts none by default', () => {
    expect(readServerConfig({ CASEBRIDGE_TRUST_PROXY: '10.0.0.1, 10.0.0.0/8,fd00::/8' }).trustProxy).toEqual(['10.0.0.1', '10.0.0.0/8', 'fd00::/8']);
    expect(readServerConfig({}).trustProxy).toEqual([]);
  });

  it('refuses a host name or a bad range, naming the variable', () => {
    expect(() => readServerConfig({ CASEBRIDGE_TRUST_PROXY: '10.0.0.1,proxy.example' })).toThrow(/CASEBRIDGE_TRUST_PROXY/);
    expect(() => readServerConfig({ CASEBRIDGE_TRUST_PROXY: '10.0.0.0/33' })).toThrow(/CASEBRIDGE_TRUST_PROXY/);
  });
});

describe.each(testDialects())('client addresses behind a proxy on %s', (dialect) => {
  let behindProxy: TestServer;
  let direct: TestServer;

  beforeAll(async () => {
    [behindProxy, direct] = await Promise.all([
      startTestServer(dialect, { config: { trustProxy: [PROXY, '192.168.50.0/24'] } }),
      startTestServer(dialect),
    ]);
  });
  afterAll(() => Promise.all([behindProxy.stop(), direct.stop()]));

  const login = (server: TestServer, from: string, forwardedFor: string | null, username: string, password: string) =>
    server.app.inject({
      method: 'POST', url: '/auth/login', remoteAddress: from, payload: { username, password },
      headers: forwardedFor === null ? {} : { 'x-forwarded-for': forwardedFor },
    });

  const auditIps = async (server: TestServer, userId: string, action: string) =>
    (await server.db.selectFrom('audit_events').select('ip').where('user_id', '=', userId).where('action', '=', action).orderBy('seq').execute()).map((r) => r.ip);

  it('records the forwarded client address in the audit trail when the request comes from a trusted proxy', async () => {
    const agencyId = await buildAgency(behindProxy.db);
    const user = await buildUser(behindProxy.db, { agencyId, password: 'proxy-pass-1' });
    const caseId = (await buildCase(behindProxy.db, { ownerAgencyId: agencyId })).id;
    const res = await login(behindProxy, PROXY, CLIENT_A, user.username, user.password);
    expect(res.statusCode).toBe(200);
    // A client's own X-Forwarded-For is prepended by the proxy: only the hop the trusted proxy saw counts.
    expect((await login(behindProxy, OTHER_PROXY_IN_RANGE, `1.2.3.4, ${CLIENT_B}`, user.username, user.password)).statusCode).toBe(200);
    expect(await auditIps(behindProxy, user.id, 'auth.login')).toEqual([CLIENT_A, CLIENT_B]);

    const token = res.json<{ accessToken: string }>().accessToken;
    const view = await behindProxy.app.inject({
      method: 'GET', url: `/cases/${caseId}`, remoteAddress: PROXY, headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': CLIENT_A },
    });
    expect(view.statusCode).toBe(200);
    expect(await auditIps(behindProxy, user.id, 'record.view')).toEqual([CLIENT_A]);
  });

  it('ignores X-Forwarded-For from an address that is not a trusted proxy, and everywhere when none is configured', async () => {
    const agencyId = await buildAgency(behindProxy.db);
    const user = await buildUser(behindProxy.db, { agencyId, password: 'proxy-pass-2' });
    expect((await login(behindProxy, UNTRUSTED, CLIENT_A, user.username, user.password)).statusCode).toBe(200);
    expect(await auditIps(behindProxy, user.id, 'auth.login')).toEqual([UNTRUSTED]);

    const directAgency = await buildAgency(direct.db);
    const directUser = await buildUser(direct.db, { agencyId: directAgency, password: 'proxy-pass-3' });
    expect((await login(direct, PROXY, CLIENT_A, directUser.username, directUser.password)).statusCode).toBe(200);
    expect(await auditIps(direct, directUser.id, 'auth.login')).toEqual([PROXY]);
  });

  it('counts the per-address sign-in limit by client address behind a trusted proxy', async () => {
    const username = 'proxy.flood';
    for (let i = 0; i < RATE_LIMITS.signInPerIpAndUsername; i += 1) {
      expect((await login(behindProxy, PROXY, CLIENT_A, username, `guess-${i}`)).statusCode).not.toBe(429);
    }
    const limited = await login(behindProxy, PROXY, CLIENT_A, username, 'guess-x');
    expect(limited.statusCode).toBe(429);
    expect(limited.json<{ error: { code: string } }>().error.code).toBe('rate_limited');
    // Another client through the same proxy has its own allowance (the username's lockout may answer 423, never 429).
    expect([401, 423]).toContain((await login(behindProxy, PROXY, CLIENT_B, username, 'guess-y')).statusCode);
  });

  it('counts by the peer address when the header is not trusted, so a client cannot dodge the limit by inventing addresses', async () => {
    const username = 'direct.flood';
    for (let i = 0; i < RATE_LIMITS.signInPerIpAndUsername; i += 1) {
      expect((await login(direct, UNTRUSTED, `203.0.113.${100 + i}`, username, `guess-${i}`)).statusCode).not.toBe(429);
    }
    const limited = await login(direct, UNTRUSTED, '203.0.113.250', username, 'guess-x');
    expect(limited.statusCode).toBe(429);
    expect((await login(behindProxy, UNTRUSTED, '203.0.113.251', username, 'guess-y')).statusCode).toBe(401);
    for (let i = 0; i < RATE_LIMITS.signInPerIpAndUsername; i += 1) {
      await login(behindProxy, UNTRUSTED, `203.0.113.${120 + i}`, username, `guess-${i}`);
    }
    expect((await login(behindProxy, UNTRUSTED, '203.0.113.252', username, 'guess-z')).statusCode).toBe(429);
  });
});
