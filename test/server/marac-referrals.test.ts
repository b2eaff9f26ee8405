/**
 * MARAC referrals through the API (docs/marac.md): an IDVA records a DASH assessment and refers the
 * victim; the server scores, works out the criteria and the repeat flag at the 12-month boundary,
 * opens the MARAC case shared with the coordinating council, and the coordinator lists the referrals.
 * Bad input is refused with `validation_error` and writes nothing; no notification names anyone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashAssessmentRecord } from '../../domain/entities/dash-assessment.ts';
import type { MaracReferralRecord } from '../../domain/entities/marac-referral.ts';
import { buildAgency, buildTeam } from '../support/factories.ts';
import { buildSignedInUser, call, type WorldUser } from '../support/case-factories.ts';
import { buildMaracArea, dashAnswers, referralBody } from '../support/marac-factories.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const TODAY = '2026-11-10';
type ErrorBody = { error: { code: string; message: string } };

describe.each(testDialects())('MARAC referrals on %s', (dialect) => {
  let server: TestServer;
  let idva: WorldUser;
  let coordinator: WorldUser;
  let councilPractitioner: WorldUser;
  let police: WorldUser;
  let councilId: string;
  let areaId: string;
  let sixMonthAreaId: string;

  const person = async (user: WorldUser, givenName: string, gender = 'female') => {
    const res = await call<{ person: { id: string } }>(server, user, 'POST', '/persons', { givenName, familyName: 'Synthwood', dateOfBirth: '1990-04-02', gender, consentStatus: 'not_sought' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.person.id;
  };
  const assess = async (personId: string, yes: number, judgement: { band: string; reasons: string } | null = null) => {
    const res = await call<DashAssessmentRecord>(server, idva, 'POST', `/persons/${personId}/dash-assessments`, { version: '2015', answers: dashAnswers(yes), professionalJudgement: judgement });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };
  const refer = (body: unknown, user: WorldUser = idva) => call<MaracReferralRecord & ErrorBody>(server, user, 'POST', '/marac/referrals', body);
  const counts = async () => ({
    referrals: (await server.db.selectFrom('marac_referrals').select('id').execute()).length,
    cases: (await server.db.selectFrom('cases').select('id').execute()).length,
    subjects: (await server.db.selectFrom('case_subjects').select('id').execute()).length,
    assessments: (await server.db.selectFrom('dash_assessments').select('id').execute()).length,
    audit: (await server.db.selectFrom('audit_events').select('id').execute()).length,
  });

  beforeAll(async () => {
    server = await startTestServer(dialect, { now: () => new Date(`${TODAY}T12:00:00.000Z`) });
    const idvaAgency = await buildAgency(server.db, { kind: 'charity', name: 'Synthetic IDVA Service' });
    councilId = await buildAgency(server.db, { kind: 'council', name: 'Synthetic Council' });
    const policeId = await buildAgency(server.db, { kind: 'police', name: 'Synthetic Police' });
    idva = await buildSignedInUser(server, idvaAgency, [await buildTeam(server.db, idvaAgency, 'IDVA')]);
    const safety = await buildTeam(server.db, councilId, 'Community Safety');
    coordinator = await buildSignedInUser(server, councilId, [safety], 'marac_coordinator');
    councilPractitioner = await buildSignedInUser(server, councilId, [safety]);
    police = await buildSignedInUser(server, policeId, [await buildTeam(server.db, policeId, 'Response')]);
    areaId = await buildMaracArea(server.db, councilId, { name: 'Synthetic MARAC' });
    sixMonthAreaId = await buildMaracArea(server.db, councilId, { name: 'Six-month MARAC', incidents: 3, months: 6 });
  });
  afterAll(() => server.stop());

  it('scores an assessment, keeps its version and lets judgement raise the band but never lower it', async () => {
    const victim = await person(idva, 'Aster');
    const high = await assess(victim, 15);
    expect([high.version, high.score, high.scoredBand, high.band]).toEqual(['2015', 15, 'high', 'high']);
    expect(high.reassessmentDue).toBe('2027-01-05T12:00:00.000Z');
    const raised = await assess(victim, 5, { band: 'high', reasons: 'Recent strangulation disclosed to the officer.' });
    expect([raised.score, raised.scoredBand, raised.band]).toEqual([5, 'standard', 'high']);

    const before = await counts();
    const lowered = await call<ErrorBody>(server, idva, 'POST', `/persons/${victim}/dash-assessments`, {
      version: '2015', answers: dashAnswers(15), professionalJudgement: { band: 'medium', reasons: 'The practitioner thinks it is lower.' },
    });
    expect(lowered.status).toBe(400);
    expect(lowered.body.error.code).toBe('validation_error');
    expect(lowered.body.error.message).toContain('professionalJudgement.band');
    const incomplete = await call<ErrorBody>(server, idva, 'POST', `/persons/${victim}/dash-assessments`, { version: '2015', answers: dashAnswers(3).slice(2) });
    expect(incomplete.body.error.code).toBe('validation_error');
    expect(await counts()).toEqual(before);

    const history = await call<{ assessments: DashAssessmentRecord[]; reassessmentDue: string }>(server, idva, 'GET', `/persons/${victim}/dash-assessments`);
    expect(history.body.assessments.map((a) => a.id).sort()).toEqual([high.id, raised.id].sort());
    expect(history.body.reassessmentDue).toBe('2027-01-05T12:00:00.000Z');
    const viewed = await server.db.selectFrom('audit_events').select(['action', 'category']).where('entity_type', '=', 'dash_assessment').orderBy('seq').execute();
    expect(viewed).toEqual([
      { action: 'record.create', category: 'collection' }, { action: 'record.create', category: 'collection' }, { action: 'record.view', category: 'consultation' },
    ]);
    // An agency that does not see the person gets 404 for the history and cannot assess.
    expect((await call(server, police, 'GET', `/persons/${victim}/dash-assessments`)).status).toBe(404);
    expect((await call(server, police, 'POST', `/persons/${victim}/dash-assessments`, { version: '2015', answers: dashAnswers(1) })).status).toBe(404);
  });

  it('a referral scoring 15 opens a MARAC case shared with the coordinating agency, with the people, and notifies nobody', async () => {
    const victim = await person(idva, 'Briony');
    const perpetrator = await person(idva, 'Corvin', 'male');
    const child = await person(idva, 'Dilys');
    const assessment = await assess(victim, 15);
    const res = await refer(referralBody({ maracAreaId: areaId, dashAssessmentId: assessment.id, victimId: victim, perpetratorId: perpetrator, childId: child, referredOn: TODAY }));
    expect(res.status).toBe(200);
    expect([res.body.score, res.body.band, res.body.criteria, res.body.repeat]).toEqual([15, 'high', ['visible_high_risk'], false]);
    expect(res.body.perpetrators.map((p) => p.displayName)).toEqual(['Corvin Synthwood']);
    expect(res.body.children.map((c) => [c.displayName, c.school])).toEqual([['Dilys Synthwood', 'Synthetic Primary']]);

    const c = await server.db.selectFrom('cases').selectAll().where('id', '=', res.body.caseId).executeTakeFirstOrThrow();
    expect([c.case_type, c.owner_agency_id, c.sharing_level, c.title]).toEqual(['domestic_abuse_marac', idva.agencyId, 'shared', 'MARAC referral – Briony Synthwood']);
    expect(await server.db.selectFrom('case_shared_agencies').select('agency_id').where('case_id', '=', c.id).execute()).toEqual([{ agency_id: councilId }]);
    const subjects = await server.db.selectFrom('case_subjects').select(['person_id', 'role', 'profile_only']).where('case_id', '=', c.id).orderBy('role').execute();
    expect(subjects.map((s) => [s.person_id, s.role, Number(s.profile_only)])).toEqual([[child, 'child', 0], [perpetrator, 'perpetrator', 0], [victim, 'victim', 0]]);
    expect(await server.db.selectFrom('notifications').select('id').execute()).toEqual([]);
    const audit = await server.db.selectFrom('audit_events').select(['action', 'details']).where('entity_id', '=', res.body.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['record.create']);
    expect(String(audit[0]?.details)).not.toContain('Corvin');

    // Whoever sees the case sees the referral; the coordinator's colleagues do, the police do not.
    expect((await call(server, councilPractitioner, 'GET', `/marac/referrals/${res.body.id}`)).status).toBe(200);
    expect((await call(server, police, 'GET', `/marac/referrals/${res.body.id}`)).status).toBe(404);
    expect((await call(server, police, 'GET', `/cases/${c.id}`)).status).toBe(404);
  });

  it('flags a repeat of the same pair on the day before and the same day twelve months on, not the day after', async () => {
    const outcomes: Array<[string, boolean, string | null]> = [];
    for (const [label, earlierOn] of [['day before', '2025-11-11'], ['same day', '2025-11-10'], ['day after', '2025-11-09']] as const) {
      const victim = await person(idva, `Repeat${label.replace(' ', '')}`);
      const perpetrator = await person(idva, `Perp${label.replace(' ', '')}`, 'male');
      const assessment = await assess(victim, 16);
      const ids = { maracAreaId: areaId, dashAssessmentId: assessment.id, victimId: victim, perpetratorId: perpetrator, referredOn: TODAY };
      const first = await refer(referralBody(ids));
      expect(first.body.repeat).toBe(false);
      // The earlier referral is moved back in time: the history the boundary is tested against.
      await server.db.updateTable('marac_referrals').set({ referred_on: earlierOn }).where('id', '=', first.body.id).execute();
      const second = await refer(referralBody(ids));
      expect(second.status).toBe(200);
      outcomes.push([label, second.body.repeat, second.body.repeatOfReferralId === null ? null : second.body.repeatOfReferralId === first.body.id ? 'first' : 'other']);
      expect(second.body.criteria.includes('repeat')).toBe(second.body.repeat);
      // A different perpetrator with the same victim is never a repeat.
      const stranger = await person(idva, `Other${label.replace(' ', '')}`, 'male');
      expect((await refer(referralBody({ ...ids, perpetratorId: stranger }))).body.repeat).toBe(false);
    }
    expect(outcomes).toEqual([['day before', true, 'first'], ['same day', true, 'first'], ['day after', false, null]]);
  });

  it('flags a referral with two perpetrators as a repeat when only the second was referred with the victim before', async () => {
    const victim = await person(idva, 'Gwenllian');
    const earlier = await person(idva, 'Hywel', 'male');
    const newcomer = await person(idva, 'Iorwerth', 'male');
    const assessment = await assess(victim, 15);
    const ids = { maracAreaId: areaId, dashAssessmentId: assessment.id, victimId: victim, perpetratorId: earlier, referredOn: TODAY };
    const first = await refer(referralBody(ids));
    expect(first.body.repeat).toBe(false);
    const both = await refer(referralBody(ids, {
      perpetrators: [{ personId: newcomer, relationshipToVictim: 'Partner', address: null }, { personId: earlier, relationshipToVictim: 'Ex-partner', address: null }],
    }));
    expect(both.status, JSON.stringify(both.body)).toBe(200);
    expect([both.body.repeat, both.body.repeatOfReferralId, both.body.criteria]).toEqual([true, first.body.id, ['visible_high_risk', 'repeat']]);
    expect(both.body.perpetrators.map((p) => p.displayName).sort()).toEqual(['Hywel Synthwood', 'Iorwerth Synthwood']);
  });

  it('meets escalation by the area rule, and refuses a referral meeting no criterion without writing anything', async () => {
    const victim = await person(idva, 'Esme');
    const perpetrator = await person(idva, 'Fenwick', 'male');
    const assessment = await assess(victim, 6);
    const ids = { maracAreaId: sixMonthAreaId, dashAssessmentId: assessment.id, victimId: victim, perpetratorId: perpetrator, referredOn: TODAY };
    const before = await counts();
    const outside = await refer(referralBody(ids, { incidentDates: ['2026-05-09', '2026-08-01', '2026-11-01'] }));
    expect(outside.status).toBe(400);
    expect(outside.body.error.code).toBe('validation_error');
    expect(outside.body.error.message).toContain('no MARAC criterion');
    expect(await counts()).toEqual(before);
    const inside = await refer(referralBody(ids, { incidentDates: ['2026-05-10', '2026-08-01', '2026-11-01'] }));
    expect(inside.status).toBe(200);
    expect(inside.body.criteria).toEqual(['potential_escalation']);
    const judged = await refer(referralBody({ ...ids, maracAreaId: areaId }, { professionalJudgementReasons: 'Threats to kill made last night.' }));
    expect(judged.body.criteria).toEqual(['professional_judgement', 'repeat']);
  });

  it('refuses bad referrals with validation_error and writes nothing', async () => {
    const victim = await person(idva, 'Gwyn');
    const perpetrator = await person(idva, 'Hollis', 'male');
    const policeOnly = await person(police, 'Ivor', 'male');
    const assessment = await assess(victim, 15);
    const otherAssessment = await assess(perpetrator, 15);
    const ids = { maracAreaId: areaId, dashAssessmentId: assessment.id, victimId: victim, perpetratorId: perpetrator, referredOn: TODAY };
    const before = await counts();
    const bad: Array<[string, unknown, string]> = [
      ['no justification without consent', referralBody(ids, { consent: { victimAware: true, consentGiven: false } }), 'consent.justification'],
      ['unknown area', referralBody({ ...ids, maracAreaId: crypto.randomUUID() }), 'maracAreaId'],
      ["another person's assessment", referralBody({ ...ids, dashAssessmentId: otherAssessment.id }), 'dashAssessmentId'],
      ['a perpetrator seen only as a stub', referralBody({ ...ids, perpetratorId: policeOnly }), 'perpetrators.0.personId'],
      ['the victim as perpetrator', referralBody({ ...ids, perpetratorId: victim }), 'perpetrators'],
      ['a future date', referralBody({ ...ids, referredOn: '2026-11-12' }), 'referredOn'],
      ['no perpetrator', referralBody(ids, { perpetrators: [] }), 'perpetrators'],
      ['a typed-in repeat flag', { ...referralBody(ids), repeat: true }, 'repeat'],
    ];
    for (const [label, body, where] of bad) {
      const res = await refer(body);
      expect([label, res.status, res.body.error.code]).toEqual([label, 400, 'validation_error']);
      expect(res.body.error.message, label).toContain(where);
    }
    expect(await counts()).toEqual(before);
  });

  it('links an existing case only when the coordinating agency already sees it', async () => {
    const victim = await person(idva, 'Juno');
    const perpetrator = await person(idva, 'Kestrel', 'male');
    const assessment = await assess(victim, 15);
    const own = await call<{ id: string; version: number }>(server, idva, 'POST', '/cases', { title: 'Synthetic IDVA support', caseType: 'victim_services' });
    const ids = { maracAreaId: areaId, dashAssessmentId: assessment.id, victimId: victim, perpetratorId: perpetrator, referredOn: TODAY };
    const refused = await refer(referralBody(ids, { caseId: own.body.id }));
    expect([refused.status, refused.body.error.code]).toEqual([400, 'validation_error']);
    expect(refused.body.error.message).toContain('caseId');
    await server.db.updateTable('cases').set({ sharing_level: 'shared' }).where('id', '=', own.body.id).execute();
    await server.db.insertInto('case_shared_agencies').values({ case_id: own.body.id, agency_id: councilId }).execute();
    const linked = await refer(referralBody(ids, { caseId: own.body.id }));
    expect(linked.status).toBe(200);
    expect(linked.body.caseId).toBe(own.body.id);
    // A case the referrer cannot see answers as missing.
    const policeCase = await call<{ id: string }>(server, police, 'POST', '/cases', { title: 'Synthetic police case', caseType: 'asb' });
    expect((await refer(referralBody(ids, { caseId: policeCase.body.id }))).status).toBe(404);
  });

  it('a referral from an existing domestic abuse case adds to it: the victim already on it is not added twice, the perpetrator is', async () => {
    const victim = await person(idva, 'Nerys');
    const perpetrator = await person(idva, 'Osric', 'male');
    const assessment = await assess(victim, 15);
    const da = await call<{ id: string }>(server, idva, 'POST', '/cases', { title: 'Synthetic DA support', caseType: 'domestic_abuse_marac' });
    expect(da.status, JSON.stringify(da.body)).toBe(200);
    expect((await call(server, idva, 'POST', `/cases/${da.body.id}/subjects`, { personId: victim, role: 'victim' })).status).toBe(200);
    await server.db.updateTable('cases').set({ sharing_level: 'shared' }).where('id', '=', da.body.id).execute();
    await server.db.insertInto('case_shared_agencies').values({ case_id: da.body.id, agency_id: councilId }).execute();
    const casesBefore = (await counts()).cases;
    const linked = await refer(referralBody({ maracAreaId: areaId, dashAssessmentId: assessment.id, victimId: victim, perpetratorId: perpetrator, referredOn: TODAY }, { caseId: da.body.id }));
    expect(linked.status, JSON.stringify(linked.body)).toBe(200);
    expect(linked.body.caseId).toBe(da.body.id);
    expect((await counts()).cases).toBe(casesBefore);
    const subjects = await server.db.selectFrom('case_subjects').select(['person_id', 'role']).where('case_id', '=', da.body.id).execute();
    expect(subjects.map((x) => `${x.role}:${x.person_id}`).sort()).toEqual([`perpetrator:${perpetrator}`, `victim:${victim}`].sort());
    // The coordinator's list shows the referral on the existing case.
    const list = await call<{ referrals: Array<{ id: string; caseId: string }> }>(server, coordinator, 'GET', '/marac/referrals');
    expect(list.body.referrals.find((x) => x.id === linked.body.id)?.caseId).toBe(da.body.id);
  });

  it('applies a pushed offline referral with the client ids once, and rejects one meeting no criterion without writing anything', async () => {
    const victim = await person(idva, 'Lark');
    const perpetrator = await person(idva, 'Mordaunt', 'male');
    const low = await assess(victim, 4);
    const high = await assess(victim, 14);
    const ids = { maracAreaId: areaId, victimId: victim, perpetratorId: perpetrator, referredOn: TODAY };
    const push = async (mutations: object[]) => (await call<{ results: Array<{ mutationId: number; status: string; error?: { code: string } }> }>(
      server, idva, 'POST', '/sync/push', { clientId: 'marac-client-1', mutations })).body.results;
    const before = await counts();
    const refused = await push([{ mutationId: 1, name: 'marac_referral.create', args: { referralId: crypto.randomUUID(), newCaseId: crypto.randomUUID(), referral: referralBody({ ...ids, dashAssessmentId: low.id }) } }]);
    expect(refused).toMatchObject([{ mutationId: 1, status: 'rejected', error: { code: 'validation_error' } }]);
    expect(await counts()).toEqual({ ...before, audit: (await counts()).audit });
    const referralId = crypto.randomUUID();
    const newCaseId = crypto.randomUUID();
    const mutation = { mutationId: 2, name: 'marac_referral.create', args: { referralId, newCaseId, referral: referralBody({ ...ids, dashAssessmentId: high.id }) } };
    expect(await push([mutation])).toMatchObject([{ mutationId: 2, status: 'applied' }]);
    expect(await push([mutation])).toMatchObject([{ mutationId: 2, status: 'applied' }]);
    const rows = await server.db.selectFrom('marac_referrals').select(['id', 'case_id']).where('victim_person_id', '=', victim).execute();
    expect(rows).toEqual([{ id: referralId, case_id: newCaseId }]);
  });

  it('the coordinator lists the referrals of their area; other roles are refused', async () => {
    const list = await call<{ referrals: MaracReferralRecord[] }>(server, coordinator, 'GET', '/marac/referrals');
    expect(list.status).toBe(200);
    const stored = await server.db.selectFrom('marac_referrals').select(['id', 'repeat']).execute();
    expect(list.body.referrals.map((r) => r.id).sort()).toEqual(stored.map((s) => s.id).sort());
    expect(list.body.referrals.filter((r) => r.repeat).length).toBe(stored.filter((s) => Number(s.repeat) === 1).length);
    const filtered = await call<{ referrals: MaracReferralRecord[] }>(server, coordinator, 'GET', `/marac/referrals?maracAreaId=${sixMonthAreaId}`);
    expect(filtered.body.referrals.map((r) => r.maracArea.name)).toEqual(['Six-month MARAC']);
    for (const user of [idva, councilPractitioner, police]) {
      const res = await call<ErrorBody>(server, user, 'GET', '/marac/referrals');
      expect([res.status, res.body.error.code]).toEqual([403, 'authorization_error']);
    }
    const searched = await server.db.selectFrom('audit_events').select('action').where('entity_type', '=', 'marac_referral').where('action', '=', 'record.search').execute();
    expect(searched.length).toBeGreaterThanOrEqual(2);
  });
});
