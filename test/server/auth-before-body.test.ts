/** Authentication comes before the body: an anonymous caller gets 401 whatever it sends, and nothing is parsed or staged. */
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../domain/http/routes.ts';
import { multipart } from '../support/document-upload.ts';
import { buildAgency, buildCase, buildUser } from '../support/factories.ts';
import { authenticatedRoutes, fillPath } from '../support/route-walker.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const MALFORMED_JSON = '{"givenName": "Ada", "familyName": ';
// Over the 1 MiB body limit, so parsing it would answer 413.
const OVERSIZED_JSON = JSON.stringify({ notes: 'x'.repeat(1_200_000) });
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

describe.each(testDialects())('authentication before body parsing on %s', (dialect) => {
  let server: TestServer;
  let token: string;
  let caseId: string;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    const agencyId = await buildAgency(server.db);
    const user = await buildUser(server.db, { agencyId, password: 'body-pass-1' });
    caseId = (await buildCase(server.db, { ownerAgencyId: agencyId })).id;
    const login = await server.app.inject({ method: 'POST', url: '/auth/login', payload: { username: user.username, password: user.password } });
    token = login.json<{ accessToken: string }>().accessToken;
  });
  afterAll(() => server.stop());

  const bodyRoutes = () => authenticatedRoutes().filter(({ def }) => BODY_METHODS.has(def.method));

  it.each([
    ['an empty JSON body', ''],
    ['a malformed JSON body', MALFORMED_JSON],
    ['an oversized JSON body', OVERSIZED_JSON],
  ])('answers 401 to every authenticated POST, PUT, PATCH and DELETE without a token and with %s', async (_what, payload) => {
    const routesWithBody = bodyRoutes();
    expect(routesWithBody.map((r) => r.name)).toEqual(expect.arrayContaining(['uploadDocument', 'deleteDocument', 'createPerson', 'syncPush', 'auditClientEvents']));
    const wrong: string[] = [];
    for (const { name, def } of routesWithBody) {
      for (const authorization of [undefined, 'Bearer not-a-real-token']) {
        const res = await server.app.inject({
          method: def.method, url: fillPath(def.path),
          headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) }, payload,
        });
        const code = res.statusCode === 401 ? res.json<{ error: { code: string } }>().error.code : null;
        if (res.statusCode !== 401 || code !== 'authentication_error') {
          wrong.push(`${name} (${authorization ? 'bad token' : 'no token'}) → ${res.statusCode} ${res.body.slice(0, 120)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('refuses an anonymous multipart upload with 401 and stages nothing in the data folder', async () => {
    const before = readdirSync(server.database.dataDir, { recursive: true });
    const body = multipart({ title: 'Referral' }, { name: 'note.pdf', type: 'application/pdf', content: Buffer.alloc(2_000_000, 0x25) });
    const res = await server.app.inject({ method: 'POST', url: fillPath(routes.uploadDocument.path, { caseId }), headers: body.headers, payload: body.payload });
    expect(res.statusCode).toBe(401);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('authentication_error');
    expect(readdirSync(server.database.dataDir, { recursive: true })).toEqual(before);
  });

  it('still parses the body of a signed-in caller: malformed JSON with a good token is a 400, not a 401', async () => {
    const res = await server.app.inject({
      method: 'POST', url: '/persons', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, payload: MALFORMED_JSON,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('validation_error');
    const me = await server.app.inject({ method: 'GET', url: '/me', headers: { authorization: `Bearer ${token}` } });
    expect(me.statusCode).toBe(200);
  });
});
