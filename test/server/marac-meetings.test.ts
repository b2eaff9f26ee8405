/**
 * MARAC meetings through the API (docs/marac.md): the coordinator schedules a meeting and builds the
 * agenda from referrals; attendees acknowledge confidentiality and their agencies then see the
 * agenda cases (within the sharing agreements); research of one agency stays hidden from another
 * until the meeting date; actions are tasks, tracked, and carried onto the next meeting while
 * unfinished; packs go only to acknowledged attendees. Refusals are typed and audited.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashAssessmentRecord } from '../../domain/entities/dash-assessment.ts';
import type { MeetingAction, MeetingPackFile, MeetingRecord } from '../../domain/entities/marac-meeting.ts';
import type { MaracReferralRecord } from '../../domain/entities/marac-referral.ts';
import type { PolicyUser } from '../../domain/policy/policy-user.ts';
import { audienceMismatches } from '../property/case-audience-check.ts';
import { buildAgency, buildTeam } from '../support/factories.ts';
import { buildSignedInUser, call, type WorldUser } from '../support/case-factories.ts';
import { buildMaracArea, dashAnswers, referralBody } from '../support/marac-factories.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const TODAY = '2026-11-10';
type ErrorBody = { error: { code: string; message: string } };
type Meeting = MeetingRecord & ErrorBody;

describe.each(testDialects())('MARAC meetings on %s', (dialect) => {
  let server: TestServer;
  let idva: WorldUser;
  let coordinator: WorldUser;
  let councilPractitioner: WorldUser;
  let police: WorldUser;
  let health: WorldUser;
  let policeCoordinator: WorldUser;
  let areaId: string;
  let n = 0;

  const person = async (givenName: string, gender = 'female') => {
    const res = await call<{ person: { id: string } }>(server, idva, 'POST', '/persons', { givenName, familyName: 'Synthwood', dateOfBirth: '1990-04-02', gender, consentStatus: 'not_sought' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.person.id;
  };
  /** A referral of a new victim and perpetrator pair, scoring 15. */
  const referral = async (name: string) => {
    n += 1;
    const victim = await person(`${name}${String(n)}`);
    const perpetrator = await person(`Perp${String(n)}`, 'male');
    const dash = await call<DashAssessmentRecord>(server, idva, 'POST', `/persons/${victim}/dash-assessments`, { version: '2015', answers: dashAnswers(15) });
    const res = await call<MaracReferralRecord>(server, idva, 'POST', '/marac/referrals', referralBody({
      maracAreaId: areaId, dashAssessmentId: dash.body.id, victimId: victim, perpetratorId: perpetrator, referredOn: TODAY,
    }));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };
  const everyone = () => [idva, coordinator, councilPractitioner, police, health, policeCoordinator];
  const policyUser = (u: WorldUser): PolicyUser => ({ id: u.id, agencyId: u.agencyId, teamIds: u.teamIds, role: u.role });
  const schedule = (date: string, user: WorldUser = coordinator) => call<Meeting>(server, user, 'POST', '/marac/meetings', { maracAreaId: areaId, date, chair: 'Synthetic Chair' });
  const get = (user: WorldUser, id: string) => call<Meeting>(server, user, 'GET', `/marac/meetings/${id}`);
  const denied = async () => (await server.db.selectFrom('audit_events').select(['action', 'entity_type', 'entity_id', 'user_id'])
    .where('outcome', '=', 'denied').orderBy('seq').execute());
  /** A meeting on `date` with the given referrals on its agenda and police and health attending. */
  const meetingWith = async (date: string, referrals: MaracReferralRecord[], acknowledge: WorldUser[] = []) => {
    const m = await schedule(date);
    expect(m.status, JSON.stringify(m.body)).toBe(200);
    for (const r of referrals) {
      expect((await call(server, coordinator, 'POST', `/marac/meetings/${m.body.id}/agenda`, { referralId: r.id })).status).toBe(200);
    }
    for (const u of [police, health]) {
      expect((await call(server, coordinator, 'POST', `/marac/meetings/${m.body.id}/attendees`, { userId: u.id })).status).toBe(200);
    }
    for (const u of acknowledge) {
      expect((await call(server, u, 'POST', `/marac/meetings/${m.body.id}/acknowledgement`)).status).toBe(200);
    }
    return m.body.id;
  };

  beforeAll(async () => {
    server = await startTestServer(dialect, { now: () => new Date(`${TODAY}T12:00:00.000Z`) });
    const idvaAgency = await buildAgency(server.db, { kind: 'charity', name: 'Synthetic IDVA Service' });
    const councilId = await buildAgency(server.db, { kind: 'council', name: 'Synthetic Council' });
    const policeId = await buildAgency(server.db, { kind: 'police', name: 'Synthetic Police' });
    const healthId = await buildAgency(server.db, { kind: 'health', name: 'Synthetic Health' });
    idva = await buildSignedInUser(server, idvaAgency, [await buildTeam(server.db, idvaAgency, 'IDVA')]);
    const safety = await buildTeam(server.db, councilId, 'Community Safety');
    coordinator = await buildSignedInUser(server, councilId, [safety], 'marac_coordinator');
    councilPractitioner = await buildSignedInUser(server, councilId, [safety]);
    police = await buildSignedInUser(server, policeId, [await buildTeam(server.db, policeId, 'Safeguarding')]);
    policeCoordinator = await buildSignedInUser(server, policeId, [], 'marac_coordinator');
    health = await buildSignedInUser(server, healthId, [await buildTeam(server.db, healthId, 'Midwifery')]);
    areaId = await buildMaracArea(server.db, councilId, { name: 'Synthetic MARAC' });
  });
  afterAll(() => server.stop());

  it('the coordinator schedules a meeting, builds the agenda from referrals with an emergency case and reorders it; others are refused and audited', async () => {
    const refusedSchedule = await schedule('2026-11-24', councilPractitioner);
    expect([refusedSchedule.status, refusedSchedule.body.error.code]).toEqual([403, 'authorization_error']);
    expect((await schedule('2026-11-24', policeCoordinator)).status).toBe(403);
    expect(await server.db.selectFrom('marac_meetings').select('id').execute()).toEqual([]);
    expect((await denied()).map((d) => [d.action, d.entity_type, d.user_id])).toEqual([
      ['record.create', 'marac_meeting', councilPractitioner.id], ['record.create', 'marac_meeting', policeCoordinator.id],
    ]);

    const [first, second] = [await referral('Aster'), await referral('Briony')];
    const m = await schedule('2026-11-24');
    expect(m.status).toBe(200);
    expect([m.body.date, m.body.chair, m.body.maracArea.name, m.body.agenda]).toEqual(['2026-11-24', 'Synthetic Chair', 'Synthetic MARAC', []]);
    expect((await schedule('2026-11-24')).body.error.code).toBe('conflict');
    await call(server, coordinator, 'POST', `/marac/meetings/${m.body.id}/agenda`, { referralId: first.id });
    const added = await call<Meeting>(server, coordinator, 'POST', `/marac/meetings/${m.body.id}/agenda`, { referralId: second.id, emergency: true });
    expect(added.body.agenda.map((i) => [i.position, i.caseId, i.emergency, i.victimName, i.score, i.band])).toEqual([
      [1, first.caseId, false, first.victim.displayName, 15, 'high'], [2, second.caseId, true, second.victim.displayName, 15, 'high'],
    ]);
    expect((await call<ErrorBody>(server, coordinator, 'POST', `/marac/meetings/${m.body.id}/agenda`, { referralId: first.id })).body.error.code).toBe('conflict');

    const [a, b] = added.body.agenda.map((i) => i.id) as [string, string];
    const reordered = await call<Meeting>(server, coordinator, 'PUT', `/marac/meetings/${m.body.id}/agenda`, { itemIds: [b, a] });
    expect(reordered.body.agenda.map((i) => [i.position, i.id])).toEqual([[1, b], [2, a]]);
    // Bad input is a typed error and changes nothing.
    const bad = await call<ErrorBody>(server, coordinator, 'PUT', `/marac/meetings/${m.body.id}/agenda`, { itemIds: [a, a] });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'validation_error']);
    expect((await get(coordinator, m.body.id)).body.agenda.map((i) => i.id)).toEqual([b, a]);

    // Not the coordinator: 403 for a colleague of the coordinating agency, 404 for an agency not attending; both audited.
    const before = (await denied()).length;
    expect((await call<ErrorBody>(server, councilPractitioner, 'PUT', `/marac/meetings/${m.body.id}/agenda`, { itemIds: [a, b] })).status).toBe(403);
    expect((await get(police, m.body.id)).status).toBe(404);
    expect((await denied()).slice(before).map((d) => [d.action, d.entity_id, d.user_id])).toEqual([
      ['record.update', m.body.id, councilPractitioner.id], ['record.view', m.body.id, police.id],
    ]);
    expect((await get(coordinator, m.body.id)).body.agenda.map((i) => i.id)).toEqual([b, a]);
  });

  it('an acknowledged attendee’s agency comes to see the agenda cases; research stays with its agency and the coordinator until the meeting', async () => {
    const r = await referral('Carys');
    const id = await meetingWith('2026-11-26', [r]);
    // The coordinator chooses attendees from enabled users who work cases, not yet attending.
    const candidates = await call<{ agencies: Array<{ name: string; users: Array<{ id: string }> }> }>(server, coordinator, 'GET', `/marac/meetings/${id}/attendee-candidates`);
    const candidateIds = candidates.body.agencies.flatMap((a) => a.users.map((u) => u.id));
    expect(candidateIds).toContain(idva.id);
    expect(candidateIds).not.toContain(police.id);
    expect((await call(server, police, 'GET', `/marac/meetings/${id}/attendee-candidates`)).status).toBe(403);
    // Attending but not acknowledged: the meeting is visible, its case is not.
    // The referral's new case is in the audience of the referrer's agency and the coordinating agency only.
    expect(await audienceMismatches(server.db, everyone().map(policyUser), `${TODAY}T12:00:00.000Z`)).toEqual([]);
    expect((await call<{ cases: Array<{ id: string }> }>(server, police, 'GET', '/cases?limit=200')).body.cases.map((c) => c.id)).not.toContain(r.caseId);
    expect((await call<{ cases: Array<{ id: string }> }>(server, coordinator, 'GET', '/cases?limit=200')).body.cases.map((c) => c.id)).toContain(r.caseId);
    const unacknowledged = await get(police, id);
    expect([unacknowledged.status, unacknowledged.body.agenda, unacknowledged.body.hiddenItems, unacknowledged.body.abilities.acknowledge]).toEqual([200, [], 1, true]);
    for (const u of [police, health]) {
      expect((await call(server, u, 'POST', `/marac/meetings/${id}/acknowledgement`)).status).toBe(200);
    }
    expect((await call<ErrorBody>(server, police, 'POST', `/marac/meetings/${id}/acknowledgement`)).body.error.code).toBe('conflict');
    const shared = await server.db.selectFrom('case_shared_agencies').select('agency_id').where('case_id', '=', r.caseId).execute();
    expect(shared.map((s) => s.agency_id).sort()).toEqual([coordinator.agencyId, police.agencyId, health.agencyId].sort());
    // The case list's audience rows follow the agenda's sharing in the same transaction (docs/access.md).
    expect(await audienceMismatches(server.db, everyone().map(policyUser), `${TODAY}T12:00:00.000Z`)).toEqual([]);
    expect((await call<{ cases: Array<{ id: string }> }>(server, police, 'GET', '/cases?limit=200')).body.cases.map((c) => c.id)).toContain(r.caseId);
    const shareEvents = await server.db.selectFrom('audit_events').select('details').where('action', '=', 'record.share_change').where('entity_id', '=', r.caseId).execute();
    expect(shareEvents.map((e) => JSON.parse(e.details) as { reason?: string }).filter((d) => d.reason === 'marac_agenda')).toHaveLength(2);

    const item = (await get(police, id)).body.agenda[0]!;
    const research = (user: WorldUser, nature: string, text: string, restricted = false) =>
      call<Meeting>(server, user, 'POST', `/marac/meetings/${id}/research`, { agendaItemId: item.id, nature, text, restricted });
    expect((await research(police, 'fact', 'Police fact: two call-outs in October.')).status).toBe(200);
    expect((await research(police, 'opinion', 'Police opinion: risk is escalating.')).status).toBe(200);
    expect((await research(police, 'fact', 'Police intelligence kept to police.', true)).status).toBe(200);
    expect((await research(health, 'fact', 'Health fact: missed antenatal appointments.')).status).toBe(200);
    const bothNatures = await call<ErrorBody>(server, police, 'POST', `/marac/meetings/${id}/research`, { agendaItemId: item.id, nature: 'both', text: 'x' });
    expect(bothNatures.body.error.code).toBe('validation_error');

    const texts = async (user: WorldUser) => (await get(user, id)).body.agenda[0]!.research.map((x) => `${x.agency.name}/${x.nature}: ${x.text}`).sort();
    expect(await texts(police)).toEqual([
      'Synthetic Police/fact: Police fact: two call-outs in October.', 'Synthetic Police/fact: Police intelligence kept to police.',
      'Synthetic Police/opinion: Police opinion: risk is escalating.',
    ]);
    expect(await texts(health)).toEqual(['Synthetic Health/fact: Health fact: missed antenatal appointments.']);
    expect(await texts(coordinator)).toEqual([
      'Synthetic Health/fact: Health fact: missed antenatal appointments.',
      'Synthetic Police/fact: Police fact: two call-outs in October.', 'Synthetic Police/opinion: Police opinion: risk is escalating.',
    ]);
    expect(await texts(councilPractitioner)).toEqual([]);
  });

  it('from the meeting date research is seen by whoever sees the case, except what an agency restricted to itself', async () => {
    const r = await referral('Delyth');
    const id = await meetingWith(TODAY, [r], [police, health]);
    const item = (await get(police, id)).body.agenda[0]!;
    await call(server, police, 'POST', `/marac/meetings/${id}/research`, { agendaItemId: item.id, nature: 'fact', text: 'Shared on the day.' });
    await call(server, police, 'POST', `/marac/meetings/${id}/research`, { agendaItemId: item.id, nature: 'fact', text: 'Police only.', restricted: true });
    expect((await get(health, id)).body.agenda[0]!.research.map((x) => x.text)).toEqual(['Shared on the day.']);
    expect((await get(police, id)).body.agenda[0]!.research.map((x) => x.text).sort()).toEqual(['Police only.', 'Shared on the day.']);
    expect((await get(councilPractitioner, id)).body.agenda[0]!.research.map((x) => x.text)).toEqual(['Shared on the day.']);
  });

  it('a case is never shared with an agency its owner has no sharing agreement with', async () => {
    await server.db.updateTable('agencies').set({ sharing_restricted: 1 }).where('id', '=', idva.agencyId).execute();
    await server.db.insertInto('sharing_agreements').values([
      { agency_id: idva.agencyId, partner_agency_id: coordinator.agencyId }, { agency_id: idva.agencyId, partner_agency_id: police.agencyId },
    ]).execute();
    try {
      const r = await referral('Efa');
      const id = await meetingWith('2026-11-27', [r], [police, health]);
      const shared = await server.db.selectFrom('case_shared_agencies').select('agency_id').where('case_id', '=', r.caseId).execute();
      expect(shared.map((s) => s.agency_id).sort()).toEqual([coordinator.agencyId, police.agencyId].sort());
      expect((await get(health, id)).body.hiddenItems).toBe(1);
    } finally {
      await server.db.deleteFrom('sharing_agreements').where('agency_id', '=', idva.agencyId).execute();
      await server.db.updateTable('agencies').set({ sharing_restricted: 0 }).where('id', '=', idva.agencyId).execute();
    }
  });

  it('actions are tasks of their owner agency, tracked across meetings, and an unfinished one is carried onto the next agenda', async () => {
    const [kept, other] = [await referral('Ffion'), await referral('Gwen')];
    const id = await meetingWith('2026-12-01', [kept, other], [police, health]);
    const [keptItem, otherItem] = (await get(coordinator, id)).body.agenda as [MeetingRecord['agenda'][number], MeetingRecord['agenda'][number]];
    const action = (agendaItemId: string, title: string, ownerAgencyId = police.agencyId, dueDate = '2026-12-15') =>
      call<Meeting>(server, coordinator, 'POST', `/marac/meetings/${id}/actions`, { agendaItemId, title, description: 'Done when the officer has visited and recorded it.', ownerAgencyId, dueDate });
    expect((await action(keptItem.id, 'Police to visit the victim')).status).toBe(200);
    const done = await action(otherItem.id, 'Health to book a follow-up');
    expect(done.status).toBe(200);
    const late = await action(otherItem.id, 'Due before the meeting', police.agencyId, '2026-11-30');
    expect([late.status, late.body.error.code]).toEqual([400, 'validation_error']);
    const unseen = await action(otherItem.id, 'An agency that does not see the case', await buildAgency(server.db, { name: 'Synthetic Fire Service' }));
    expect(unseen.body.error.code).toBe('validation_error');
    expect((await call(server, police, 'POST', `/marac/meetings/${id}/actions`, { agendaItemId: keptItem.id, title: 'x', description: 'y', ownerAgencyId: police.agencyId, dueDate: '2026-12-15' })).status).toBe(403);
    const minutes = await call<Meeting>(server, coordinator, 'PUT', `/marac/meetings/${id}/minutes`, { agendaItemId: keptItem.id, text: 'Discussed; police to visit.' });
    expect(minutes.body.agenda.find((i) => i.id === keptItem.id)?.minutes).toBe('Discussed; police to visit.');

    const meeting = (await get(police, id)).body;
    const [visit] = meeting.agenda.find((i) => i.id === keptItem.id)!.actions;
    expect([visit?.title, visit?.ownerAgency.name, visit?.dueDate, visit?.status]).toEqual(['Police to visit the victim', 'Synthetic Police', '2026-12-15', 'open']);
    const task = await server.db.selectFrom('tasks').selectAll().where('id', '=', visit!.taskId).executeTakeFirstOrThrow();
    expect([task.case_id, task.assignee_agency_id, task.due_date, task.status]).toEqual([kept.caseId, police.agencyId, '2026-12-15', 'open']);
    // The other action is finished by its owner agency through the ordinary task route.
    const otherTask = (await get(police, id)).body.agenda.find((i) => i.id === otherItem.id)!.actions[0]!;
    expect((await call(server, police, 'PATCH', `/tasks/${otherTask.taskId}`, { status: 'done' })).status).toBe(200);

    const tracker = await call<{ actions: MeetingAction[] } & ErrorBody>(server, coordinator, 'GET', `/marac/actions?maracAreaId=${areaId}`);
    expect(tracker.body.actions.filter((a) => a.meetingId === id).map((a) => [a.title, a.status]).sort()).toEqual([
      ['Health to book a follow-up', 'done'], ['Police to visit the victim', 'open'],
    ]);
    const open = await call<{ actions: MeetingAction[] }>(server, coordinator, 'GET', `/marac/actions?maracAreaId=${areaId}&open=true`);
    expect(open.body.actions.filter((a) => a.meetingId === id).map((a) => a.title)).toEqual(['Police to visit the victim']);
    expect((await call(server, police, 'GET', '/marac/actions')).status).toBe(403);

    const next = await schedule('2026-12-15');
    const carried = next.body.agenda.filter((i) => i.carriedForward);
    expect(carried.map((i) => [i.caseId, i.actions.map((a) => a.title)])).toEqual([[kept.caseId, ['Police to visit the victim']]]);
    expect(next.body.agenda.map((i) => i.caseId)).not.toContain(other.caseId);
  });

  it('a pack copy goes only to an acknowledged attendee, is generated in the worker, audited, and carries the marking and watermark', async () => {
    const r = await referral('Hafren');
    const id = await meetingWith('2026-12-03', [r], [police]);
    const meeting = (await get(coordinator, id)).body;
    const policeAttendee = meeting.attendees.find((a) => a.userId === police.id)!;
    const healthAttendee = meeting.attendees.find((a) => a.userId === health.id)!;
    const notYet = await call<ErrorBody>(server, coordinator, 'POST', `/marac/meetings/${id}/packs`, { attendeeId: healthAttendee.id });
    expect([notYet.status, notYet.body.error.code]).toEqual([409, 'conflict']);
    expect((await call(server, police, 'POST', `/marac/meetings/${id}/packs`, { attendeeId: policeAttendee.id })).status).toBe(403);

    const pack = await call<MeetingPackFile>(server, coordinator, 'POST', `/marac/meetings/${id}/packs`, { attendeeId: policeAttendee.id });
    expect(pack.status, JSON.stringify(pack.body)).toBe(200);
    const pdf = Buffer.from(pack.body.pdfBase64, 'base64');
    const events = await server.db.selectFrom('audit_events').select(['action', 'outcome', 'details', 'user_id']).where('entity_id', '=', id).where('action', '=', 'export.create').orderBy('seq').execute();
    // The police attendee's own attempt was refused and recorded; the coordinator's made the copy.
    expect(events.map((e) => [e.outcome, e.user_id])).toEqual([['denied', police.id], ['success', coordinator.id]]);
    expect(JSON.parse(events[1]!.details)).toMatchObject({ recipientUserId: police.id, recipientAgencyId: police.agencyId, sha256: pack.body.sha256, caseIds: meeting.agenda.map((i) => i.caseId) });
    expect(meeting.agenda.map((i) => i.caseId)).toContain(r.caseId);
    const dir = mkdtempSync(join(tmpdir(), 'marac-pack-'));
    try {
      writeFileSync(join(dir, 'pack.pdf'), pdf);
      const extract = (mode: string) => execFileSync('pdftotext', [`-${mode}`, '-enc', 'UTF-8', join(dir, 'pack.pdf'), '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
      const pages = extract('layout');
      const raw = extract('raw');
      expect(pages.length).toBe(pack.body.pages);
      for (const [index, page] of pages.entries()) {
        const lines = page.split('\n').map((l) => l.trim()).filter((l) => l !== '');
        expect(lines[0]).toBe('OFFICIAL-SENSITIVE');
        expect(lines.at(-1)).toContain('OFFICIAL-SENSITIVE');
        // The diagonal watermark comes out one glyph per line; in content order it is whole.
        expect((raw[index] ?? '').replace(/\s+/g, '')).toContain(`Copyfor${pack.body.recipient.name.replace(/\s+/g, '')}(SyntheticPolice)`);
      }
      const text = pages.join('\n');
      expect(text).toContain(r.victim.displayName);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('packs for every acknowledged attendee: each copy holds only what its own agency may see, and each is audited for its recipient', async () => {
    const r = await referral('Eirlys');
    // Held yesterday, so research is past the meeting date: what is not restricted reaches every agency that sees the case.
    const id = await meetingWith('2026-11-09', [r], [police, health]);
    const item = (await get(police, id)).body.agenda[0]!;
    const research = (user: WorldUser, text: string, restricted: boolean) =>
      call(server, user, 'POST', `/marac/meetings/${id}/research`, { agendaItemId: item.id, nature: 'fact', text, restricted });
    await research(police, 'Everyone-may-read-this-fact.', false);
    await research(police, 'Police-intelligence-only.', true);
    await research(health, 'Health-record-only.', true);
    const meeting = (await get(coordinator, id)).body;
    // What "Generate packs for all attendees" does: one copy per acknowledged attendee, in turn.
    const copies = new Map<string, string>();
    const dir = mkdtempSync(join(tmpdir(), 'marac-packs-'));
    try {
      for (const attendee of meeting.attendees.filter((a) => a.acknowledgedAt !== null)) {
        const pack = await call<MeetingPackFile>(server, coordinator, 'POST', `/marac/meetings/${id}/packs`, { attendeeId: attendee.id });
        expect(pack.status, JSON.stringify(pack.body)).toBe(200);
        const file = join(dir, `${attendee.id}.pdf`);
        writeFileSync(file, Buffer.from(pack.body.pdfBase64, 'base64'));
        copies.set(attendee.userId, execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ''));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect([...copies.keys()].sort()).toEqual([police.id, health.id].sort());
    const policeCopy = copies.get(police.id)!;
    const healthCopy = copies.get(health.id)!;
    expect([policeCopy.includes('Everyone-may-read-this-fact.'), policeCopy.includes('Police-intelligence-only.'), policeCopy.includes('Health-record-only.')]).toEqual([true, true, false]);
    expect([healthCopy.includes('Everyone-may-read-this-fact.'), healthCopy.includes('Police-intelligence-only.'), healthCopy.includes('Health-record-only.')]).toEqual([true, false, true]);
    const events = await server.db.selectFrom('audit_events').select(['details', 'user_id']).where('entity_id', '=', id)
      .where('action', '=', 'export.create').where('outcome', '=', 'success').orderBy('seq').execute();
    expect(events.map((e) => [e.user_id, (JSON.parse(e.details) as { recipientUserId: string }).recipientUserId]).sort()).toEqual(
      [[coordinator.id, police.id], [coordinator.id, health.id]].sort(),
    );
  });
});
