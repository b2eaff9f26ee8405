/** The cases.chronology channel: everything on a synced case in time order from the offline copy, each entry with its agency. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseChronology } from '../../domain/ipc/case-chronology.ts';
import { newId } from '../../domain/ids.ts';
import type { DesktopCore } from '../../main/core/desktop-core.ts';
import { signIn } from '../support/case-factories.ts';
import { callCore } from '../support/core-call.ts';
import { startTestCore, type TestCore } from '../support/core-world.ts';
import { buildAgency, buildCase, buildUser } from '../support/factories.ts';
import { addSubject, buildPerson } from '../support/person-factories.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

describe('the cases.chronology channel of the desktop core', () => {
  let server: TestServer;
  let core: DesktopCore;
  let desktop: TestCore;
  let officer: { username: string; password: string };
  let caseId = '';
  let taskId = '';

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    const council = await buildAgency(server.db, { name: 'Riverton Council', code: 'RDC' });
    const police = await buildAgency(server.db, { name: 'Northshire Police', kind: 'police', code: 'RDP' });
    officer = await buildUser(server.db, { agencyId: council, password: 'council-pass-1' });
    const policeOfficer = await buildUser(server.db, { agencyId: police, password: 'police-pass-1' });
    caseId = (await buildCase(server.db, { ownerAgencyId: council, title: 'Noise at Wrenfield Parade', sharingLevel: 'shared', sharedAgencyIds: [police] })).id;
    await addSubject(server.db, caseId, await buildPerson(server.db, { ownerAgencyId: council, givenName: 'Corin', familyName: 'Ashdown' }), 'victim');
    const council1 = await signIn(server, officer.username, officer.password);
    const police1 = await signIn(server, policeOfficer.username, policeOfficer.password);
    const post = async <T>(token: string, url: string, payload: object): Promise<T> => {
      const res = await server.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${token}` }, payload });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<T>();
    };
    // In this order, so the chronology's order is known: the police's report, the council's warning, the council's task and its update.
    await post(police1, `/cases/${caseId}/reports`, { kind: 'contact', title: 'Door-to-door enquiries', body: 'Synthetic body' });
    await post(council1, '/markers', { subjectType: 'case', subjectId: caseId, markerType: 'staff_safety', description: 'Dog on premises', reviewDate: '2027-01-01' });
    taskId = (await post<{ id: string }>(council1, `/cases/${caseId}/tasks`, { title: 'Visit the neighbours', assigneeAgencyId: council })).id;
    await post(council1, `/tasks/${taskId}/updates`, { body: 'Two doors knocked' });
    desktop = startTestCore(server, 'cb-core-chronology-');
    ({ core } = desktop);
  });
  afterAll(async () => {
    await desktop.stop();
    await server.stop();
  });

  it('lists everything on the case newest first, with the agency each came from where the copy knows it', async () => {
    expect(await core.handle('cases.chronology', { caseId })).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
    await callCore(core, 'session.signIn', officer);
    await callCore(core, 'sync.now', null);
    const { entries } = await callCore<CaseChronology>(core, 'cases.chronology', { caseId });
    expect(entries.slice(0, 4).map((e) => [e.kind, e.text, e.markerType, e.agencyName, e.taskId])).toEqual([
      ['task_update', 'Visit the neighbours: Two doors knocked', null, null, taskId],
      ['task_set', 'Visit the neighbours', null, 'Riverton Council', taskId],
      ['marker_placed', 'Dog on premises', 'staff_safety', 'Riverton Council', null],
      ['report', 'Door-to-door enquiries', null, 'Northshire Police', null],
    ]);
    // The factories give the case and its subject one fixed, earlier time: both come after the rest.
    expect(entries.slice(4).map((e) => [e.kind, e.text, e.agencyName]).sort()).toEqual([
      ['case_opened', 'Noise at Wrenfield Parade', 'Riverton Council'], ['person_added', 'Corin Ashdown', null],
    ]);
    expect(entries.every((e, i) => i === 0 || entries[i - 1]!.at >= e.at)).toBe(true);
  });

  it('answers a typed error for a case not in the copy and for a malformed id', async () => {
    expect(await core.handle('cases.chronology', { caseId: newId() })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await core.handle('cases.chronology', { caseId: 'not-a-uuid' })).toMatchObject({ ok: false, error: { code: 'validation_error' } });
  });
});
