/**
 * The SafeLives MARAC data return through the API (docs/marac.md): a synthetic world of referrals
 * discussed at meetings, whose figures are worked out by hand below, per quarter and per meeting,
 * with and without suppression; CSV and XLSX files marked OFFICIAL-SENSITIVE; only the area's
 * coordinators, refusals typed and audited; counts only, never names.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashAssessmentRecord } from '../../domain/entities/dash-assessment.ts';
import type { MaracReferralRecord } from '../../domain/entities/marac-referral.ts';
import type { CreateMaracReferralBody } from '../../domain/entities/marac-referral.ts';
import type { ReturnCount } from '../../domain/marac/data-return.ts';
import type { DataReturnFile, DataReturnRecord } from '../../domain/marac/data-return-record.ts';
import { buildAgency, buildTeam } from '../support/factories.ts';
import { buildSignedInUser, call, type WorldUser } from '../support/case-factories.ts';
import { buildMaracArea, dashAnswers, referralBody } from '../support/marac-factories.ts';
import { readZip } from '../support/read-zip.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const REFERRED_ON = '2026-11-10';
type ErrorBody = { error: { code: string; message: string } };
type Return = DataReturnRecord & ErrorBody;

/** The figures in a flat shape to compare with what was worked out by hand. */
function flat(r: DataReturnRecord) {
  const v = (c: ReturnCount) => (c.suppressed ? 'fewer than 5' : c.value);
  const f = r.figures;
  return {
    cases: v(f.casesDiscussed), repeats: v(f.repeats), repeatPct: f.repeatPercentage.suppressed ? 'fewer than 5' : f.repeatPercentage.value,
    children: v(f.children), bame: v(f.bameVictims), ethnicityNotRecorded: v(f.ethnicityNotRecorded), disabled: v(f.disabledVictims),
    lgbtPlus: v(f.lgbtPlusVictims), male: v(f.maleVictims), young: v(f.harmCauser17OrUnder), ageUnknown: v(f.harmCauserAgeUnknown),
    agencies: f.byReferringAgency.map((a) => [a.agency.name, v(a.count)]),
  };
}

describe.each(testDialects())('the MARAC data return on %s', (dialect) => {
  let server: TestServer;
  let idva: WorldUser;
  let policeOfficer: WorldUser;
  let coordinator: WorldUser;
  let councilPractitioner: WorldUser;
  let policeCoordinator: WorldUser;
  let areaId: string;
  let meetingA: string;
  let meetingB: string;

  const person = async (by: WorldUser, givenName: string, dateOfBirth: string | null, gender = 'female') => {
    const res = await call<{ person: { id: string } }>(server, by, 'POST', '/persons', {
      givenName, familyName: 'Synthreturn', gender, consentStatus: 'not_sought', ...(dateOfBirth === null ? {} : { dateOfBirth }),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.person.id;
  };
  /** A referral by `by` dated REFERRED_ON, scoring 15, with the given perpetrator and overrides. */
  const refer = async (by: WorldUser, victimId: string, perpetratorId: string, overrides: Partial<CreateMaracReferralBody>) => {
    const dash = await call<DashAssessmentRecord>(server, by, 'POST', `/persons/${victimId}/dash-assessments`, { version: '2015', answers: dashAnswers(15) });
    const res = await call<MaracReferralRecord>(server, by, 'POST', '/marac/referrals', referralBody({
      maracAreaId: areaId, dashAssessmentId: dash.body.id, victimId, perpetratorId, referredOn: REFERRED_ON,
    }, overrides));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };
  const diversity = (ethnicity: string | null, more: Partial<CreateMaracReferralBody['diversity']> = {}) => ({
    diversity: { ethnicity, disability: 'no' as const, sexualOrientation: null, lgbtPlus: 'no' as const, gender: 'female' as const, ...more },
  });
  const child = (personId: string) => ({ personId, relationshipToVictim: 'Son', relationshipToPerpetrator: 'Son', school: null });
  const meeting = async (date: string, referrals: MaracReferralRecord[]) => {
    const m = await call<{ id: string }>(server, coordinator, 'POST', '/marac/meetings', { maracAreaId: areaId, date, chair: 'Synthetic Chair' });
    expect(m.status, JSON.stringify(m.body)).toBe(200);
    for (const r of referrals) {
      const added = await call(server, coordinator, 'POST', `/marac/meetings/${m.body.id}/agenda`, { referralId: r.id });
      expect(added.status, JSON.stringify(added.body)).toBe(200);
    }
    return m.body.id;
  };
  const quarter = (user: WorldUser, q: string, suppress = false) =>
    call<Return>(server, user, 'GET', `/marac/data-return?areaId=${areaId}&quarter=${q}${suppress ? '&suppressUnder5=true' : ''}`);

  beforeAll(async () => {
    server = await startTestServer(dialect, { now: () => new Date('2026-11-20T12:00:00.000Z') });
    const idvaAgency = await buildAgency(server.db, { kind: 'charity', name: 'Synthetic IDVA Service' });
    const councilId = await buildAgency(server.db, { kind: 'council', name: 'Synthetic Council' });
    // A formula-looking agency name: the CSV must escape it, the XLSX must keep it text.
    const policeId = await buildAgency(server.db, { kind: 'police', name: '=Synthetic Police' });
    idva = await buildSignedInUser(server, idvaAgency, [await buildTeam(server.db, idvaAgency, 'IDVA')]);
    policeOfficer = await buildSignedInUser(server, policeId, [await buildTeam(server.db, policeId, 'Safeguarding')]);
    const safety = await buildTeam(server.db, councilId, 'Community Safety');
    coordinator = await buildSignedInUser(server, councilId, [safety], 'marac_coordinator');
    councilPractitioner = await buildSignedInUser(server, councilId, [safety]);
    policeCoordinator = await buildSignedInUser(server, policeId, [], 'marac_coordinator');
    areaId = await buildMaracArea(server.db, councilId, { name: 'Synthetic MARAC' });
    const otherArea = await buildMaracArea(server.db, councilId, { name: 'Elsewhere MARAC' });

    // 1: Black British, disabled, two children; the person causing harm turns 18 the day after the referral (17 on the day).
    const v1 = await person(idva, 'Aster', '1990-01-01');
    const p1 = await person(idva, 'Youngperp', '2008-11-11', 'male');
    const r1 = await refer(idva, v1, p1, { ...diversity('Black British', { disability: 'yes' }), children: [child(await person(idva, 'Kid1', '2018-01-01')), child(await person(idva, 'Kid2', '2020-01-01'))] });
    // 2: White British, LGBT+, male; the person causing harm turns 18 on the referral date (an adult that day); one child.
    const v2 = await person(idva, 'Briony', '1991-01-01', 'male');
    const r2 = await refer(idva, v2, await person(idva, 'Birthdayperp', '2008-11-10', 'male'), { ...diversity('White British', { lgbtPlus: 'yes', gender: 'male' }), children: [child(await person(idva, 'Kid3', '2019-01-01'))] });
    // 3: no ethnicity recorded; the person causing harm has no date of birth (unknown, never guessed).
    const r3 = await refer(idva, await person(idva, 'Carys', '1992-01-01'), await person(idva, 'Nodobperp', null, 'male'), diversity(null));
    // 4: the same pair as 1 again: a repeat; Black British, disabled.
    const r4 = await refer(idva, v1, p1, diversity('Black British', { disability: 'yes' }));
    expect([r1.repeat, r4.repeat]).toEqual([false, true]);
    // 5: Asian Pakistani, an adult person causing harm.
    const r5 = await refer(idva, await person(idva, 'Delyth', '1993-01-01'), await person(idva, 'Adultperp', '1980-01-01', 'male'), diversity('Asian Pakistani'));
    // 6 (police): White Irish, male victim.
    const r6 = await refer(policeOfficer, await person(policeOfficer, 'Emrys', '1994-01-01', 'male'), await person(policeOfficer, 'Policeperp', '1985-01-01', 'male'), diversity('White Irish', { gender: 'male' }));
    // 7 (police): Mixed.
    const r7 = await refer(policeOfficer, await person(policeOfficer, 'Ffion', '1995-01-01'), await person(policeOfficer, 'Policeperp2', '1990-01-01', 'male'), diversity('Mixed White and Black Caribbean'));

    meetingA = await meeting('2026-11-24', [r1, r2, r3, r4, r5, r6]);
    // Meeting B discusses 7 and case 1 again: the quarter counts referral 1 once.
    meetingB = await meeting('2026-12-08', [r7, r1]);
    // Next quarter's meeting and another area's meeting are not in Q4's return.
    await meeting('2027-01-12', [r3]);
    const other = await call<{ id: string }>(server, coordinator, 'POST', '/marac/meetings', { maracAreaId: otherArea, date: '2026-11-25', chair: 'Synthetic Chair' });
    expect(other.status).toBe(200);
  });
  afterAll(() => server.stop());

  it('the quarter counts every referral discussed at its meetings once, as worked out by hand', async () => {
    const res = await quarter(coordinator, '2026-Q4');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect([res.body.area.name, res.body.period, res.body.suppressUnder5]).toEqual([
      'Synthetic MARAC', { kind: 'quarter', quarter: '2026-Q4', first: '2026-10-01', last: '2026-12-31', meetings: 2 }, false,
    ]);
    expect(flat(res.body)).toEqual({
      cases: 7, repeats: 1, repeatPct: 14.3, children: 3, bame: 4, ethnicityNotRecorded: 1, disabled: 2, lgbtPlus: 1, male: 2, young: 2, ageUnknown: 1,
      agencies: [['Synthetic IDVA Service', 5], ['=Synthetic Police', 2]],
    });
    // The next quarter holds only its own meeting's case.
    expect(flat((await quarter(coordinator, '2027-Q1')).body).cases).toBe(1);
    expect(flat((await quarter(coordinator, '2026-Q3')).body)).toMatchObject({ cases: 0, repeatPct: null, agencies: [] });
  });

  it('a meeting counts its agenda cases', async () => {
    const a = await call<Return>(server, coordinator, 'GET', `/marac/meetings/${meetingA}/data-return`);
    expect(a.status, JSON.stringify(a.body)).toBe(200);
    expect(a.body.period).toEqual({ kind: 'meeting', meetingId: meetingA, date: '2026-11-24' });
    expect(flat(a.body)).toEqual({
      cases: 6, repeats: 1, repeatPct: 16.7, children: 3, bame: 3, ethnicityNotRecorded: 1, disabled: 2, lgbtPlus: 1, male: 2, young: 2, ageUnknown: 1,
      agencies: [['Synthetic IDVA Service', 5], ['=Synthetic Police', 1]],
    });
    const b = await call<Return>(server, coordinator, 'GET', `/marac/meetings/${meetingB}/data-return`);
    expect(flat(b.body)).toMatchObject({ cases: 2, repeats: 0, children: 2, young: 1, bame: 2 });
  });

  it('suppression shows "fewer than 5" for every count under 5 and its percentage, never the number', async () => {
    const res = await quarter(coordinator, '2026-Q4', true);
    expect(flat(res.body)).toEqual({
      cases: 7, repeats: 'fewer than 5', repeatPct: 'fewer than 5', children: 'fewer than 5', bame: 'fewer than 5', ethnicityNotRecorded: 'fewer than 5',
      disabled: 'fewer than 5', lgbtPlus: 'fewer than 5', male: 'fewer than 5', young: 'fewer than 5', ageUnknown: 'fewer than 5',
      agencies: [['Synthetic IDVA Service', 5], ['=Synthetic Police', 'fewer than 5']],
    });
    expect(JSON.stringify(res.body.figures)).not.toMatch(/"value":\s*[0-4]\b|14\.3/);
  });

  it('CSV and XLSX files carry the marking first, the same figures, and formula-looking text escaped', async () => {
    const csv = await call<DataReturnFile>(server, coordinator, 'GET', `/marac/data-return/file?areaId=${areaId}&quarter=2026-Q4&format=csv&suppressUnder5=true`);
    expect(csv.status, JSON.stringify(csv.body)).toBe(200);
    expect([csv.body.fileName, csv.body.mediaType]).toEqual(['MARAC-data-return-Synthetic-MARAC-2026-Q4.csv', 'text/csv; charset=utf-8']);
    const lines = Buffer.from(csv.body.contentBase64, 'base64').toString('utf8').split('\r\n');
    expect(lines[0]).toBe('OFFICIAL-SENSITIVE');
    expect(lines).toContain('Cases discussed,7');
    expect(lines).toContain('Repeat cases,fewer than 5');
    expect(lines).toContain('Repeat cases (%),fewer than 5');
    expect(lines).toContain("'=Synthetic Police,fewer than 5");
    expect(lines).toContain('Synthetic IDVA Service,5');

    const xlsx = await call<DataReturnFile>(server, coordinator, 'GET', `/marac/meetings/${meetingA}/data-return/file?format=xlsx`);
    expect(xlsx.status, JSON.stringify(xlsx.body)).toBe(200);
    expect(xlsx.body.fileName).toBe('MARAC-data-return-Synthetic-MARAC-meeting-2026-11-24.xlsx');
    const sheet = readZip(Buffer.from(xlsx.body.contentBase64, 'base64')).get('xl/worksheets/sheet1.xml')!.toString('utf8');
    expect(sheet).toContain('<row r="1"><c t="inlineStr"><is><t>OFFICIAL-SENSITIVE</t></is></c></row>');
    expect(sheet).toContain('<row r="7"><c t="inlineStr"><is><t>Cases discussed</t></is></c><c><v>6</v></c>');
    expect(sheet).toContain('<t>=Synthetic Police</t>');
    expect(sheet).not.toContain('<f>');

    const exports = await server.db.selectFrom('audit_events').select(['action', 'details']).where('entity_type', '=', 'marac_data_return')
      .where('action', '=', 'export.create').where('outcome', '=', 'success').orderBy('seq').execute();
    expect(exports.map((e) => JSON.parse(e.details ?? '{}') as { format: string; sha256: string }).map((d) => [d.format, d.sha256])).toEqual([['csv', csv.body.sha256], ['xlsx', xlsx.body.sha256]]);
  });

  it('only the area’s coordinators: others are refused, typed and audited as denied; reads are audited with ids and no names', async () => {
    const before = await server.db.selectFrom('audit_events').select('seq').orderBy('seq', 'desc').executeTakeFirst();
    const colleague = await quarter(councilPractitioner, '2026-Q4');
    expect([colleague.status, colleague.body.error.code]).toEqual([403, 'authorization_error']);
    expect((await quarter(policeCoordinator, '2026-Q4')).status).toBe(403);
    expect((await call<Return>(server, councilPractitioner, 'GET', `/marac/meetings/${meetingA}/data-return`)).status).toBe(403);
    expect((await call<Return>(server, policeCoordinator, 'GET', `/marac/meetings/${meetingA}/data-return`)).status).toBe(404);
    expect((await call<Return>(server, idva, 'GET', `/marac/data-return/file?areaId=${areaId}&quarter=2026-Q4&format=csv`)).status).toBe(403);
    const denied = await server.db.selectFrom('audit_events').select(['action', 'entity_type', 'user_id']).where('outcome', '=', 'denied')
      .where('seq', '>', before!.seq).orderBy('seq').execute();
    expect(denied.map((d) => [d.action, d.entity_type, d.user_id])).toEqual([
      ['record.list', 'marac_data_return', councilPractitioner.id], ['record.list', 'marac_data_return', policeCoordinator.id],
      ['record.list', 'marac_data_return', councilPractitioner.id], ['record.list', 'marac_data_return', policeCoordinator.id],
      ['export.create', 'marac_data_return', idva.id],
    ]);

    const bad = await quarter(coordinator, '2026-Q5');
    expect([bad.status, bad.body.error.code]).toEqual([400, 'validation_error']);
    const unknownArea = await call<Return>(server, coordinator, 'GET', '/marac/data-return?areaId=00000000-0000-4000-8000-000000000000&quarter=2026-Q4');
    expect([unknownArea.status, unknownArea.body.error.code]).toEqual([404, 'not_found']);

    const read = await server.db.selectFrom('audit_events').select(['details']).where('entity_type', '=', 'marac_data_return')
      .where('action', '=', 'record.list').where('outcome', '=', 'success').where('user_id', '=', coordinator.id).orderBy('seq').executeTakeFirstOrThrow();
    const details = JSON.parse(read.details ?? '{}') as { referralIds: string[]; maracAreaId: string };
    expect([details.maracAreaId, details.referralIds.length]).toEqual([areaId, 7]);
    expect(read.details).not.toMatch(/Aster|Briony|Synthreturn/);
  });
});
