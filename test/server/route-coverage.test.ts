/** Every route in the table: authenticated ones refuse missing and forged tokens; public ones are on a short list. */
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgency, buildCase, buildUser } from '../support/factories.ts';
import { authenticatedRoutes, callRoute, isResourceRoute, publicRoutes, validParams, validSample, asQueryStrings, type RouteEntry } from '../support/route-walker.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

/**
 * The only routes anyone may call without a token. Adding a public route means adding it here,
 * on purpose, in review. `/openapi.json` and `/docs` are registered outside the table (they
 * describe the API, never data).
 */
const PUBLIC_ROUTES = [
  'health',
  'login',
  'refresh',
  // Authenticated by username and password in the body, for agencies that require TOTP.
  'totpSetup',
  // Authenticated by username and the password an administrator set (and the code, with a second factor on).
  'changePassword',
];

async function forgedToken(userId: string, secret: string, expiresAt: number): Promise<string> {
  return new SignJWT({ ims: (expiresAt - 900) * 1000 }).setProtectedHeader({ alg: 'HS256' }).setSubject(userId).setIssuer('casebridge')
    .setAudience('casebridge-api').setIssuedAt(expiresAt - 900).setExpirationTime(expiresAt).sign(new TextEncoder().encode(secret));
}

describe.each(testDialects())('route coverage on %s', (dialect) => {
  let server: TestServer;
  let outsiderToken: string;
  let outsiderId: string;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    const owner = await buildAgency(server.db, { name: 'Owning council' });
    const other = await buildAgency(server.db, { name: 'Other housing provider' });
    await buildCase(server.db, { ownerAgencyId: owner, sharingLevel: 'owner_agency' });
    const outsider = await buildUser(server.db, { agencyId: other, username: 'outsider', password: 'outsider-pass-1' });
    outsiderId = outsider.id;
    const login = await server.app.inject({ method: 'POST', url: '/auth/login', payload: { username: 'outsider', password: 'outsider-pass-1' } });
    expect(login.statusCode).toBe(200);
    outsiderToken = login.json<{ accessToken: string }>().accessToken;
  });
  afterAll(() => server.stop());

  const failuresOf = async (entries: RouteEntry[], check: (r: RouteEntry) => Promise<string | null>): Promise<string[]> =>
    (await Promise.all(entries.map(check))).filter((f): f is string => f !== null);

  it('lets only the allow-listed routes be called without a token', () => {
    const open = publicRoutes().map((r) => r.name).sort();
    expect(open.filter((name) => !PUBLIC_ROUTES.includes(name))).toEqual([]);
    expect(authenticatedRoutes().length).toBeGreaterThan(0);
  });

  it('answers 401 authentication_error on every authenticated route when no token is sent', async () => {
    const failures = await failuresOf(authenticatedRoutes(), async ({ name, def }) => {
      const res = await callRoute(server.app, def);
      const code = res.json<{ error?: { code?: string } }>().error?.code;
      return res.statusCode === 401 && code === 'authentication_error' ? null : `${name} ${def.method} ${def.path} → ${res.statusCode} ${res.body.slice(0, 200)}`;
    });
    expect(failures).toEqual([]);
  });

  it('answers 401 authentication_error on every authenticated route for garbage, forged and expired tokens', async () => {
    const now = Math.floor(Date.now() / 1000);
    const tokens = [
      'garbage',
      'not.a.jwt',
      await forgedToken(outsiderId, 'a-different-secret-that-is-long-enough-for-hs256', now + 600),
      await forgedToken(outsiderId, 'test-secret-that-is-long-enough-for-hs256-signing', now - 60),
      `${outsiderToken.slice(0, -4)}AAAA`,
    ];
    const failures = await failuresOf(authenticatedRoutes(), async ({ name, def }) => {
      for (const token of tokens) {
        const res = await callRoute(server.app, def, { token });
        const code = res.json<{ error?: { code?: string } }>().error?.code;
        if (res.statusCode !== 401 || code !== 'authentication_error') {
          return `${name} ${def.method} ${def.path} with token ${token.slice(0, 12)}… → ${res.statusCode} ${res.body.slice(0, 200)}`;
        }
      }
      return null;
    });
    expect(failures).toEqual([]);
  });

  it('refuses a signed-in user of another agency with 403 or 404 on every resource route, for ids they may not see', async () => {
    const resources = authenticatedRoutes().filter((r) => isResourceRoute(r.def));
    const failures = await failuresOf(resources, async ({ name, def }) => {
      const query = validSample(def.query);
      const body = def.body.def.type === 'undefined' ? { value: undefined } : validSample(def.body);
      if (!query || !body) {
        return `${name}: route-walker cannot build a schema-valid ${query ? 'body' : 'query'}; declare .meta({ examples: [...] }) on it`;
      }
      const res = await callRoute(server.app, def, {
        token: outsiderToken, params: validParams(def), query: asQueryStrings(query.value), body: body.value,
      });
      return [403, 404].includes(res.statusCode) ? null : `${name} ${def.method} ${def.path} → ${res.statusCode} ${res.body.slice(0, 200)}`;
    });
    expect(failures).toEqual([]);
  });
});
