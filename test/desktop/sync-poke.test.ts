import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, signIn, type WorldUser } from '../support/case-factories.ts';
import { buildAgency, buildCase, buildUser } from '../support/factories.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { eventually, startSyncDesktop, type SyncDesktop } from './sync-harness.ts';

describe('real-time pokes over the WebSocket', () => {
  let server: TestServer;
  let desktop: SyncDesktop;
  let colleague: WorldUser;
  let caseId: string;

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    const council = await buildAgency(server.db, { name: 'Riverton Council' });
    const officer = await buildUser(server.db, { agencyId: council, password: 'council-pass-1' });
    const other = await buildUser(server.db, { agencyId: council, password: 'council-pass-2' });
    colleague = { id: other.id, agencyId: council, teamIds: [], role: 'practitioner', token: await signIn(server, other.username, other.password) };
    caseId = (await buildCase(server.db, { ownerAgencyId: council, title: 'Graffiti at Larkspur Arcade' })).id;
    desktop = await startSyncDesktop(server, officer, { serverUrl: server.url });
  });
  afterAll(async () => {
    await desktop.close();
    await server.stop();
  });

  const localTitle = async () => (await desktop.db().selectFrom('cases').select('title').where('id', '=', caseId).executeTakeFirst())?.title;

  it('pulls within seconds of a colleague change, with periodic sync far away', async () => {
    desktop.engine.start(600_000); // the interval cannot be what pulls
    await eventually(async () => expect(await localTitle()).toBe('Graffiti at Larkspur Arcade')); // the socket's ready triggers a first pull
    await new Promise((resolve) => setTimeout(resolve, 300)); // let the ready-triggered sync settle
    const pullsBefore = desktop.history.filter((s) => s.phase === 'pulling').length;
    expect((await call(server, colleague, 'PATCH', `/cases/${caseId}`, { title: 'Graffiti and broken lights at Larkspur Arcade' })).status).toBe(200);
    await eventually(async () => expect(await localTitle()).toBe('Graffiti and broken lights at Larkspur Arcade'), 5000);
    expect(desktop.history.filter((s) => s.phase === 'pulling').length).toBeGreaterThan(pullsBefore);
  });

  it('coalesces a burst of pokes into few pulls', async () => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    const pullsBefore = desktop.history.filter((s) => s.phase === 'pulling').length;
    for (let i = 1; i <= 5; i += 1) {
      expect((await call(server, colleague, 'PATCH', `/cases/${caseId}`, { title: `Larkspur Arcade update ${i}` })).status).toBe(200);
    }
    await eventually(async () => expect(await localTitle()).toBe('Larkspur Arcade update 5'), 5000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(desktop.history.filter((s) => s.phase === 'pulling').length - pullsBefore).toBeLessThan(5);
  });
});
