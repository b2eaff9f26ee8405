import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../domain/ids.ts';
import { recordChange } from '../../server/changes/record-change.ts';
import type { ServerConfig } from '../../server/context/config.ts';
import { withWrite } from '../../server/db/write.ts';
import { startServer, type RunningServer } from '../../server/start-server.ts';
import { buildAgency, buildCase, buildUser } from '../support/factories.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-databases.ts';
import { openPokeSocket, type PokeSocket } from './realtime-socket.ts';

const describeOnPostgres = process.env.TEST_DATABASE_URL ? describe : describe.skip;

describeOnPostgres('two API nodes on one PostgreSQL database (skipped without TEST_DATABASE_URL: SQLite runs one node)', () => {
  let database: TestDatabase;
  let nodeA: RunningServer;
  let nodeB: RunningServer;
  const tokens: Record<string, string> = {};
  const sockets: PokeSocket[] = [];
  let police = '';
  let pcId = '';
  const caseIds: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    const config: ServerConfig = {
      database: database.config, dataDir: database.dataDir, host: '127.0.0.1', port: 0,
      jwtSecret: 'test-secret-that-is-long-enough-for-hs256-signing', totpKey: '5a'.repeat(32), accessTokenSeconds: 900, refreshTokenDays: 14,
    };
    nodeA = await startServer(config, { logger: false });
    nodeB = await startServer(config, { logger: false });
    police = await buildAgency(nodeA.db, { kind: 'police', name: 'Police' });
    const council = await buildAgency(nodeA.db, { name: 'Council' });
    const pc = await buildUser(nodeA.db, { agencyId: police });
    pcId = pc.id;
    const users = { pc, pc2: await buildUser(nodeA.db, { agencyId: police }), officer: await buildUser(nodeA.db, { agencyId: council }) };
    for (const [name, u] of Object.entries(users)) {
      const res = await nodeB.app.inject({ method: 'POST', url: '/auth/login', payload: { username: u.username, password: u.password } });
      tokens[name] = res.json<{ accessToken: string }>().accessToken;
    }
    caseIds.push((await buildCase(nodeA.db, { ownerAgencyId: police })).id, (await buildCase(nodeA.db, { ownerAgencyId: police })).id);
    // Let both nodes' fan-outs consume the set-up changes, so only each test's own change can poke.
    nodeA.ctx.notifier.committed();
    await new Promise((r) => setTimeout(r, 500));
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await nodeA?.close();
    await nodeB?.close();
    await database?.drop();
  });

  it('pokes a client on node B within seconds of a push on node A, and not a user who cannot see the change', async () => {
    const caseId = caseIds[0]!;
    const colleague = await openPokeSocket(nodeB.url, tokens.pc2!);
    const outsider = await openPokeSocket(nodeB.url, tokens.officer!);
    sockets.push(colleague, outsider);
    const poked = colleague.nextPoke(4000);
    const res = await nodeA.app.inject({
      method: 'POST', url: '/sync/push', headers: { authorization: `Bearer ${tokens.pc}` },
      payload: { clientId: 'multi-node-client', mutations: [{ mutationId: 1, name: 'case.update', args: { caseId, title: 'Changed on A' } }] },
    });
    expect(res.statusCode).toBe(200);
    expect(await poked).toBe(true);
    await new Promise((r) => setTimeout(r, 500));
    expect(outsider.pokes()).toBe(0);
  });

  it('pokes node B after a direct write through withWrite on node A', async () => {
    const caseId = caseIds[1]!;
    const colleague = await openPokeSocket(nodeB.url, tokens.pc2!);
    sockets.push(colleague);
    const poked = colleague.nextPoke(4000);
    await withWrite(nodeA.ctx, async (trx) => {
      const taskId = newId();
      const at = new Date().toISOString();
      await trx.insertInto('tasks').values({
        id: taskId, case_id: caseId, title: 'Follow up', description: '', assignee_agency_id: police, assignee_team_id: null,
        assignee_user_id: null, due_date: null, status: 'open', created_by: pcId, created_at: at, updated_at: at, version: 1,
      }).execute();
      await recordChange(trx, { entity: 'task', entityId: taskId, op: 'upsert', caseId, at });
    });
    expect(await poked).toBe(true);
  });

  it('closes a socket on node B within seconds of an admin TOTP reset on node A', async () => {
    const admin = await buildUser(nodeA.db, { agencyId: police, role: 'agency_admin' });
    const target = await buildUser(nodeA.db, { agencyId: police });
    const signIn = (u: { username: string; password: string }) =>
      nodeB.app.inject({ method: 'POST', url: '/auth/login', payload: { username: u.username, password: u.password } }).then((r) => r.json<{ accessToken: string }>().accessToken);
    const socket = await openPokeSocket(nodeB.url, await signIn(target));
    sockets.push(socket);
    await new Promise((r) => setTimeout(r, 5));
    const res = await nodeA.app.inject({ method: 'POST', url: `/users/${target.id}/totp/reset`, headers: { authorization: `Bearer ${await signIn(admin)}` } });
    expect(res.statusCode).toBe(200);
    expect(await socket.closed(4000)).toEqual({ code: 4401, reason: 'second factor reset' });
  });
});
