import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseSearchResult, PersonSearchResult } from '../../domain/ipc/search-results.ts';
import type { DesktopCore } from '../../main/core/desktop-core.ts';
import { signIn } from '../support/case-factories.ts';
import { buildAgency, buildCase, buildUser } from '../support/factories.ts';
import { callCore } from '../support/core-call.ts';
import { startTestCore, type TestCore } from '../support/core-world.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

describe('search and change channels of the desktop core', () => {
  let server: TestServer;
  let core: DesktopCore;
  let desktop: TestCore;
  let officer: { username: string; password: string };
  let ownCase = '';

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    const council = await buildAgency(server.db, { name: 'Riverton Council', code: 'RSC' });
    const police = await buildAgency(server.db, { name: 'Police', kind: 'police', code: 'RSP' });
    officer = await buildUser(server.db, { agencyId: council, password: 'council-pass-1' });
    const cop = await buildUser(server.db, { agencyId: police, password: 'police-pass-1' });
    ownCase = (await buildCase(server.db, { ownerAgencyId: council, title: 'Cuckooing concern at Wrenfield Parade' })).id;
    const policeCase = (await buildCase(server.db, { ownerAgencyId: police, title: 'Wrenfield intelligence not shared' })).id;
    const login = (u: { username: string; password: string }) => signIn(server, u.username, u.password);
    const addPerson = async (token: string, caseId: string, givenName: string, familyName: string) => {
      const auth = { authorization: `Bearer ${token}` };
      const person = await server.app.inject({
        method: 'POST', url: '/persons', headers: auth,
        payload: { givenName, familyName, dateOfBirth: '1988-04-02', gender: 'female', consentStatus: 'not_sought' },
      });
      expect(person.statusCode, person.body).toBe(200);
      const personId = person.json<{ person: { id: string } }>().person.id;
      const subject = await server.app.inject({ method: 'POST', url: `/cases/${caseId}/subjects`, headers: auth, payload: { personId, role: 'victim' } });
      expect(subject.statusCode, subject.body).toBe(200);
    };
    await addPerson(await login(officer), ownCase, 'Ottoline', 'Featherstonehaugh');
    await addPerson(await login(cop), policeCase, 'Ottoline', 'Quennell');
    desktop = startTestCore(server, 'cb-search-');
    ({ core } = desktop);
  });
  afterAll(async () => {
    await desktop.stop();
    await server.stop();
  });

  const call = <T>(channel: Parameters<DesktopCore['handle']>[0], input: unknown) => callCore<T>(core, channel, input);

  it('needs a session, then finds synced cases and persons by prefix, and nothing the user may not see', async () => {
    expect(await core.handle('persons.search', { text: 'Ottoline' })).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
    await call('session.signIn', officer);
    await call('sync.now', null);

    const cases = await call<CaseSearchResult>('cases.search', { text: 'wrenf' });
    expect(cases.hits.map((h) => h.id)).toEqual([ownCase]);
    const persons = await call<PersonSearchResult>('persons.search', { text: 'otto' });
    expect(persons.hits.map((h) => h.familyName)).toEqual(['Featherstonehaugh']);
    expect(await core.handle('persons.search', { text: '' })).toMatchObject({ ok: false, error: { code: 'validation_error' } });
  });

  it('submits a local change that shows at once, reaches the server on sync, and refuses malformed changes', async () => {
    const bad = await core.handle('changes.submit', { name: 'case.update', args: { caseId: 'not-a-uuid', title: 'x' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation_error' } });
    const unknown = await core.handle('changes.submit', { name: 'case.delete', args: { caseId: ownCase } });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'validation_error' } });

    const { mutationId } = await call<{ mutationId: number }>('changes.submit', { name: 'case.update', args: { caseId: ownCase, title: 'Cuckooing concern – visit arranged' } });
    expect(mutationId).toBeGreaterThan(0);
    const queue = await call<{ rows: Array<{ id: string; title: string }> }>('cases.queue', { filter: 'visit arranged' });
    expect(queue.rows.map((r) => r.id)).toEqual([ownCase]);

    const status = await call<{ pendingChanges: number; upToDate: boolean }>('sync.now', null);
    expect(status).toMatchObject({ pendingChanges: 0, upToDate: true });
    const row = await server.db.selectFrom('cases').select(['title', 'version']).where('id', '=', ownCase).executeTakeFirstOrThrow();
    expect(row).toEqual({ title: 'Cuckooing concern – visit arranged', version: 2 });
  });
});
