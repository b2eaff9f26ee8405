import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../domain/entities/case.ts';
import { buildCase, buildUser } from '../support/factories.ts';
import { buildPerson, buildThreeAgencyWorld, call, signIn, type WorldUser } from '../support/case-factories.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { auditJustification } from '../support/audit-details.ts';

const JUSTIFICATION = 'Complaint ref 2026/118: checking who recorded the risk level.';

describe.each(testDialects())('break-glass case views on %s', (dialect) => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof buildThreeAgencyWorld>>;
  let officer: WorldUser;
  let caseId: string;
  let otherCaseId: string;

  const lastEvent = (userId: string) => server.db.selectFrom('audit_events').selectAll().where('user_id', '=', userId).orderBy('seq', 'desc').executeTakeFirstOrThrow();

  beforeAll(async () => {
    server = await startTestServer(dialect);
    world = await buildThreeAgencyWorld(server);
    const u = await buildUser(server.db, { agencyId: world.agencies.police, role: 'data_officer' });
    officer = { id: u.id, agencyId: world.agencies.police, teamIds: [], role: 'data_officer', token: await signIn(server, u.username, u.password) };
    // Owned by the police's team B: not every police colleague sees it in the ordinary way, and the data officer never does.
    caseId = (await buildCase(server.db, { ownerAgencyId: world.agencies.police, sharingLevel: 'owner_team', ownerTeamId: world.teams.police[1] })).id;
    const personId = await buildPerson(server.db, { ownerAgencyId: world.agencies.police, givenName: 'Ottoline', familyName: 'Quennell' });
    expect((await call(server, world.users.police.b, 'POST', `/cases/${caseId}/subjects`, { personId, role: 'victim' })).status).toBe(200);
    otherCaseId = (await buildCase(server.db, { ownerAgencyId: world.agencies.council, sharingLevel: 'shared', sharedAgencyIds: [world.agencies.police] })).id;
  });
  afterAll(() => server.stop());

  it('keeps a data officer out of case content by the ordinary route', async () => {
    expect((await call(server, officer, 'GET', `/cases/${caseId}`)).status).toBe(404);
  });

  it("opens the agency's own case read-only with a justification, recorded before it is shown", async () => {
    const res = await call<CaseDetail>(server, officer, 'POST', `/audit/break-glass/cases/${caseId}`, { justification: JUSTIFICATION });
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(caseId);
    expect(res.body.subjects.map((s) => s.displayName)).toEqual(['Ottoline Quennell']);
    expect(Object.entries(res.body.abilities).filter(([, v]) => v).map(([k]) => k)).toEqual(['read']);
    const event = await lastEvent(officer.id);
    expect([event.action, event.category, event.outcome, event.entity_id, event.justification, await auditJustification(server.db, event)])
      .toEqual(['record.break_glass_view', 'consultation', 'success', caseId, expect.stringMatching(/^sha256:[0-9a-f]{64}$/) as string, JUSTIFICATION]);
    // It is in the agency's trail under the case.
    const page = await call<{ events: Array<{ action: string; justification: string | null }> }>(
      server, officer, 'GET', `/audit/events?caseId=${caseId}&action=record.break_glass_view`);
    expect(page.body.events).toEqual([expect.objectContaining({ action: 'record.break_glass_view', justification: JUSTIFICATION })]);
  });

  it('refuses a missing or too-short justification with validation_error and records nothing', async () => {
    const before = await lastEvent(officer.id);
    for (const body of [{}, { justification: '  because  ' }, { justification: JUSTIFICATION, extra: 1 }]) {
      const res = await call<{ error: { code: string } }>(server, officer, 'POST', `/audit/break-glass/cases/${caseId}`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('validation_error');
    }
    expect((await lastEvent(officer.id)).seq).toBe(before.seq);
  });

  it("refuses another agency's case as not found, and a practitioner outright, recording each refusal", async () => {
    const other = await call<{ error: { code: string } }>(server, officer, 'POST', `/audit/break-glass/cases/${otherCaseId}`, { justification: JUSTIFICATION });
    expect([other.status, other.body.error.code]).toEqual([404, 'not_found']);
    expect(await lastEvent(officer.id)).toMatchObject({ action: 'record.break_glass_view', outcome: 'denied', entity_id: otherCaseId });

    const practitioner = world.users.police.a;
    const res = await call<{ error: { code: string } }>(server, practitioner, 'POST', `/audit/break-glass/cases/${caseId}`, { justification: JUSTIFICATION });
    expect([res.status, res.body.error.code]).toEqual([403, 'authorization_error']);
    expect(await lastEvent(practitioner.id)).toMatchObject({ action: 'record.break_glass_view', outcome: 'denied' });
  });
});
