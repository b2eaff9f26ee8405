/**
 * Regression for "a signposted person becomes a full record by attaching them to one's own case":
 * a housing user who sees only a stub of a person owned by a victim-support agency creates a case,
 * attaches the person and must then see only the minimal profile (names, aliases, date of birth,
 * gender), no consent status, no identifiers, and only the owner's staff-safety marker — through
 * the API and through sync. Attaching needs a reason, is audited as a combination and notifies
 * the owner agency. A partner shown the housing case gets no more than the housing user.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BootstrapResponse, SyncChange } from '../../domain/http/sync-schemas.ts';
import { buildAgency, buildTeam } from '../support/factories.ts';
import { buildPerson, buildSignedInUser, call, type WorldUser } from '../support/case-factories.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { auditJustification } from '../support/audit-details.ts';

interface PersonBody { id: string; dateOfBirth: string | null; gender: string; consentStatus?: string; aliases: unknown[]; identifiers: unknown[]; abilities: Record<string, boolean> }
interface MarkerBody { id: string; markerType: string }
interface CaseBody { id: string; version: number; subjects: Array<{ personId: string; displayName?: string }>; markers: MarkerBody[] }
interface NotificationBody { kind: string; personId: string; caseId: string; fromAgency: { id: string; name: string } }

const REASON = 'Tenant named in a housing ASB referral; avoiding a duplicate record.';

describe.each(testDialects())('attaching a signposted person on %s', (dialect) => {
  let server: TestServer;
  let victimSupport: WorldUser;
  let housing: WorldUser;
  let housingColleague: WorldUser;
  let council: WorldUser;
  let agencies: { victimSupport: string; housing: string; council: string };
  let personId: string;
  let housingCaseId: string;

  beforeAll(async () => {
    server = await startTestServer(dialect, { now: () => new Date('2026-11-10T12:00:00.000Z') });
    agencies = {
      victimSupport: await buildAgency(server.db, { kind: 'charity', name: 'Synthetic Victim Support' }),
      housing: await buildAgency(server.db, { kind: 'housing', name: 'Synthetic Housing' }),
      council: await buildAgency(server.db, { kind: 'council', name: 'Synthetic Council' }),
    };
    victimSupport = await buildSignedInUser(server, agencies.victimSupport, [await buildTeam(server.db, agencies.victimSupport, 'IDVA')]);
    const housingTeam = await buildTeam(server.db, agencies.housing, 'Tenancy');
    housing = await buildSignedInUser(server, agencies.housing, [housingTeam]);
    housingColleague = await buildSignedInUser(server, agencies.housing, [housingTeam]);
    council = await buildSignedInUser(server, agencies.council, [await buildTeam(server.db, agencies.council, 'ASB')]);

    // Victim support records the person in full, in a case only it sees, with two markers.
    const created = await call<{ person: PersonBody }>(server, victimSupport, 'POST', '/persons', {
      givenName: 'Quillon', familyName: 'Marbleworth', dateOfBirth: '1987-03-14', gender: 'female', consentStatus: 'given',
      aliases: [{ givenName: 'Quill', familyName: 'Marbleworth' }], identifiers: [{ scheme: 'other', value: 'HVS-SYN-0001' }],
    });
    expect(created.status).toBe(200);
    personId = created.body.person.id;
    const vsCase = await call<CaseBody>(server, victimSupport, 'POST', '/cases', { title: 'Synthetic support case', caseType: 'asb' });
    expect((await call(server, victimSupport, 'POST', `/cases/${vsCase.body.id}/subjects`, { personId, role: 'victim' })).status).toBe(200);
    for (const markerType of ['staff_safety', 'vulnerability']) {
      expect((await call(server, victimSupport, 'POST', '/markers', {
        subjectType: 'person', subjectId: personId, markerType, description: 'Synthetic marker', reviewDate: '2027-01-01',
      })).status).toBe(200);
    }
  });
  afterAll(() => server.stop());

  it('before attaching, the housing user sees only a stub', async () => {
    const search = await call<{ results: Array<{ view: string; person: { id: string } }> }>(server, housing, 'GET', '/persons/search?q=Marbleworth');
    expect(search.body.results.map((r) => [r.view, r.person.id])).toEqual([['stub', personId]]);
    expect((await call(server, housing, 'GET', `/persons/${personId}`)).status).toBe(404);
  });

  it('attaching without a reason is refused with a validation error naming the field, and writes nothing', async () => {
    const mine = await call<CaseBody>(server, housing, 'POST', '/cases', { title: 'Synthetic tenancy ASB', caseType: 'asb' });
    expect(mine.status).toBe(200);
    housingCaseId = mine.body.id;
    const audits = await server.db.selectFrom('audit_events').select('id').execute();
    const refused = await call<{ error: { code: string; message: string } }>(server, housing, 'POST', `/cases/${housingCaseId}/subjects`, { personId, role: 'perpetrator' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('validation_error');
    expect(refused.body.error.message).toContain('reason');
    expect(await server.db.selectFrom('case_subjects').select('id').where('case_id', '=', housingCaseId).execute()).toEqual([]);
    expect(await server.db.selectFrom('notifications').select('id').execute()).toEqual([]);
    expect((await server.db.selectFrom('audit_events').select('id').execute()).length).toBe(audits.length);
  });

  it('attaching with a reason reveals only the minimal profile: no consent status, no identifiers', async () => {
    const attached = await call<CaseBody>(server, housing, 'POST', `/cases/${housingCaseId}/subjects`, { personId, role: 'perpetrator', reason: REASON });
    expect(attached.status).toBe(200);
    expect(attached.body.subjects).toEqual([expect.objectContaining({ personId, displayName: 'Quillon Marbleworth' })]);

    const person = await call<PersonBody>(server, housing, 'GET', `/persons/${personId}`);
    expect(person.status).toBe(200);
    expect(person.body).not.toHaveProperty('consentStatus');
    expect(person.body.identifiers).toEqual([]);
    expect(person.body).toMatchObject({ dateOfBirth: '1987-03-14', gender: 'female', aliases: [expect.objectContaining({ givenName: 'Quill' })] });
    expect(person.body.abilities).toEqual({ update: false, transfer: false, addAlias: false, addIdentifier: false, requestAccess: true });
    const search = await call<{ results: Array<{ view: string; person: PersonBody }> }>(server, housing, 'GET', '/persons/search?q=Marbleworth');
    expect(search.body.results.map((r) => [r.view, 'consentStatus' in r.person])).toEqual([['profile', false]]);
    // The profile gives no ability to record identifiers either.
    expect((await call(server, housing, 'POST', `/persons/${personId}/identifiers`, { scheme: 'other', value: 'X1' })).status).toBe(404);
    // The profile offers what the stub offered: asking the owner for the full record.
    const asked = await call(server, housing, 'POST', '/access-requests', { resourceType: 'person', resourceId: personId, reason: REASON });
    expect(asked.status).toBe(200);
    // The owner still sees everything.
    const owner = await call<PersonBody>(server, victimSupport, 'GET', `/persons/${personId}`);
    expect(owner.body).toMatchObject({ consentStatus: 'given', identifiers: [expect.objectContaining({ value: 'HVS-SYN-0001' })] });
  });

  it("shows the housing user only the owner's staff-safety marker, never its vulnerability marker", async () => {
    const markers = await call<{ markers: MarkerBody[] }>(server, housing, 'GET', `/markers?subjectType=person&subjectId=${personId}`);
    expect(markers.body.markers.map((m) => m.markerType)).toEqual(['staff_safety']);
    const detail = await call<CaseBody>(server, housing, 'GET', `/cases/${housingCaseId}`);
    expect(detail.body.markers.map((m) => m.markerType)).toEqual(['staff_safety']);
    const owner = await call<{ markers: MarkerBody[] }>(server, victimSupport, 'GET', `/markers?subjectType=person&subjectId=${personId}`);
    expect(owner.body.markers.map((m) => m.markerType).sort()).toEqual(['staff_safety', 'vulnerability']);
  });

  it('the offline copy receives no more than the API: the minimal profile and the staff-safety marker only', async () => {
    const changes: SyncChange[] = [];
    let query = 'limit=50';
    for (let page = 0; page < 100; page += 1) {
      const res = await server.app.inject({ method: 'GET', url: `/sync/bootstrap?${query}`, headers: { authorization: `Bearer ${housing.token}` } });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json<BootstrapResponse>();
      changes.push(...body.changes);
      if (!body.next) {
        break;
      }
      query = new URLSearchParams({ limit: '50', snapshot: body.snapshot, phase: body.next.phase, ...(body.next.after ? { after: body.next.after } : {}) }).toString();
    }
    const persons = changes.filter((c) => c.entity === 'person');
    expect(persons.map((p) => p.data.id)).toContain(personId);
    for (const p of persons.filter((c) => c.data.id === personId)) {
      expect(p.data).not.toHaveProperty('consentStatus');
      expect(p.data).not.toHaveProperty('identifiers');
      expect(p.data.abilities).toEqual({ update: false, transfer: false, addAlias: false, addIdentifier: false, requestAccess: true });
    }
    const markers = changes.flatMap((c) => (c.entity === 'marker' && c.data.subjectId === personId ? [c.data.markerType] : []));
    expect([...new Set(markers)]).toEqual(['staff_safety']);
  });

  it('is audited as a combination with the reason as justification', async () => {
    const events = await server.db.selectFrom('audit_events').select(['seq', 'action', 'category', 'justification', 'details', 'agency_id'])
      .where('action', '=', 'record.attach_person').execute();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ category: 'combination', justification: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) as string, agency_id: agencies.housing });
    expect(await auditJustification(server.db, events[0]!)).toBe(REASON);
    expect(JSON.parse(events[0]!.details)).toMatchObject({ caseId: housingCaseId, personId, ownerAgencyId: agencies.victimSupport });
  });

  it("notifies the person's owner agency, and no other agency", async () => {
    const owner = await call<{ notifications: NotificationBody[] }>(server, victimSupport, 'GET', '/notifications');
    expect(owner.status).toBe(200);
    expect(owner.body.notifications).toEqual([expect.objectContaining({
      kind: 'person_attached', personId, caseId: housingCaseId, fromAgency: { id: agencies.housing, name: 'Synthetic Housing' },
    })]);
    // Ids and agency names only: no personal data travels in a notification.
    expect(JSON.stringify(owner.body)).not.toContain('Marbleworth');
    for (const other of [housing, council]) {
      const res = await call<{ notifications: NotificationBody[] }>(server, other, 'GET', '/notifications');
      expect(res.body.notifications).toEqual([]);
    }
  });

  it('a partner shown the housing case gets no more than the housing user, and a full-view attach needs no reason', async () => {
    const mine = await call<CaseBody>(server, housing, 'GET', `/cases/${housingCaseId}`);
    const shared = await call(server, housing, 'PUT', `/cases/${housingCaseId}/sharing`, {
      sharingLevel: 'shared', agencyIds: [agencies.council], hiddenFromSearch: false, expectedVersion: mine.body.version,
    });
    expect(shared.status).toBe(200);
    for (const viewer of [council, housingColleague]) {
      const person = await call<PersonBody>(server, viewer, 'GET', `/persons/${personId}`);
      expect(person.status).toBe(200);
      expect(person.body).not.toHaveProperty('consentStatus');
      expect(person.body.identifiers).toEqual([]);
      const markers = await call<{ markers: MarkerBody[] }>(server, viewer, 'GET', `/markers?subjectType=person&subjectId=${personId}`);
      expect(markers.body.markers.map((m) => m.markerType)).toEqual(['staff_safety']);
    }
    // The owner agency adds the person to another of its cases as before: no reason, no notification, the full record.
    const vsCase = await call<CaseBody>(server, victimSupport, 'POST', '/cases', { title: 'Second synthetic case', caseType: 'asb' });
    expect((await call(server, victimSupport, 'POST', `/cases/${vsCase.body.id}/subjects`, { personId, role: 'victim' })).status).toBe(200);
    expect(await server.db.selectFrom('notifications').select('id').execute()).toHaveLength(1);
  });

  it('a merge keeps the wider link when both persons were in the same case and role, so it never narrows a case', async () => {
    const dataOfficer = await buildSignedInUser(server, agencies.victimSupport, [], 'data_officer');
    const keep = await buildPerson(server.db, { ownerAgencyId: agencies.victimSupport, givenName: 'Oriel', familyName: 'Thistlecombe' });
    const dupe = await buildPerson(server.db, { ownerAgencyId: agencies.victimSupport, givenName: 'Oriel', familyName: 'Thistlecomb' });
    const link = async (person: string, profileOnly: number) => {
      const id = crypto.randomUUID();
      await server.db.insertInto('case_subjects').values({
        id, case_id: housingCaseId, person_id: person, role: 'witness', created_at: '2026-11-10T12:00:00.000Z', profile_only: profileOnly,
      }).execute();
      return id;
    };
    await server.db.updateTable('persons').set({ consent_status: 'refused' }).where('id', 'in', [keep, dupe]).execute();
    const keptLink = await link(keep, 1);
    await link(dupe, 0);
    const before = await call<PersonBody>(server, housing, 'GET', `/persons/${keep}`);
    expect(before.status).toBe(200);
    expect(before.body).not.toHaveProperty('consentStatus');
    const merged = await call(server, dataOfficer, 'POST', '/persons/merge', {
      keepId: keep, mergeId: dupe, expectedVersions: { keep: 1, merge: 1 }, justification: 'Same synthetic person recorded twice.',
    });
    expect(merged.status).toBe(200);
    const row = await server.db.selectFrom('case_subjects').select('profile_only').where('id', '=', keptLink).executeTakeFirstOrThrow();
    expect(Number(row.profile_only)).toBe(0);
    const after = await call<PersonBody>(server, housing, 'GET', `/persons/${keep}`);
    expect(after.status).toBe(200);
    expect(after.body.consentStatus).toBe('refused');
  });
});
