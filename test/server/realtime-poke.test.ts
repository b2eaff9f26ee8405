import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgency, buildCase, buildUser } from '../support/factories.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { closeCodeFor, openPokeSocket, type PokeSocket } from './realtime-socket.ts';

describe.each(testDialects())('real-time pokes on %s', (dialect) => {
  let server: TestServer;
  const tokens: Record<string, string> = {};
  const sockets: PokeSocket[] = [];
  let police = '';
  let caseId = '';

  beforeAll(async () => {
    server = await startTestServer(dialect);
    police = await buildAgency(server.db, { kind: 'police', name: 'Police' });
    const council = await buildAgency(server.db, { name: 'Council' });
    const users = {
      pc: await buildUser(server.db, { agencyId: police }),
      pc2: await buildUser(server.db, { agencyId: police }),
      officer: await buildUser(server.db, { agencyId: council }),
    };
    for (const [name, u] of Object.entries(users)) {
      const res = await server.app.inject({ method: 'POST', url: '/auth/login', payload: { username: u.username, password: u.password } });
      tokens[name] = res.json<{ accessToken: string }>().accessToken;
    }
    caseId = (await buildCase(server.db, { ownerAgencyId: police })).id;
    // Let the fan-out consume the set-up changes, so only the test's own change can poke.
    server.ctx.notifier.committed();
    await new Promise((r) => setTimeout(r, 500));
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await server.stop();
  });

  it('pokes a user who may see a pushed change, and not a user of another agency who may not', async () => {
    const colleague = await openPokeSocket(server.url, tokens.pc2!);
    const outsider = await openPokeSocket(server.url, tokens.officer!);
    sockets.push(colleague, outsider);
    const colleaguePoked = colleague.nextPoke(3000);
    const res = await server.app.inject({
      method: 'POST', url: '/sync/push', headers: { authorization: `Bearer ${tokens.pc}` },
      payload: { clientId: 'poke-client-1', mutations: [{ mutationId: 1, name: 'case.update', args: { caseId, title: 'Changed' } }] },
    });
    expect(res.json<{ results: Array<{ status: string }> }>().results[0]!.status).toBe('applied');
    expect(await colleaguePoked).toBe(true);
    await new Promise((r) => setTimeout(r, 500));
    expect(outsider.pokes()).toBe(0);
  });

  it('closes a socket whose first message is not a valid token, with 4401', async () => {
    expect(await closeCodeFor(server.url, JSON.stringify({ type: 'auth', token: 'not-a-token' }))).toBe(4401);
    expect(await closeCodeFor(server.url, 'hello')).toBe(4401);
  });
});
