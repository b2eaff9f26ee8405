/**
 * SAR deadlines off weekends and England and Wales bank holidays (docs/audit.md, "Due dates"): the
 * calendar from `date-holidays` against the published dates, and the API's due dates and standing
 * for a request whose month ends on Boxing Day weekend.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SarConsultationSummary, SarDetail, SarSummary } from '../../domain/http/sar-routes.ts';
import { newId } from '../../domain/ids.ts';
import { bankHolidaysOf, englandAndWalesBankHoliday } from '../../server/sars/bank-holidays.ts';
import { buildPerson, buildSignedInUser, call, type WorldUser } from '../support/case-factories.ts';
import { buildAgency, buildCase } from '../support/factories.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

describe('the England and Wales bank holidays', () => {
  it('are the published ones, substitute days and one-off days included, and no observances', () => {
    expect([...bankHolidaysOf(2026)].sort()).toEqual([
      '2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-26', '2026-12-28',
    ]);
    expect(['2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28'].every(englandAndWalesBankHoliday)).toBe(true);
    expect(['2022-06-03', '2022-09-19', '2023-05-08'].every(englandAndWalesBankHoliday)).toBe(true);
    // Mother's Day and Easter Sunday are observances, not bank holidays; St Andrew's Day is Scotland's.
    expect(['2026-03-15', '2026-04-05', '2026-11-30'].some(englandAndWalesBankHoliday)).toBe(false);
  });
});

describe.each(testDialects())('SAR due dates through the API on %s', (dialect) => {
  let server: TestServer;
  let council: WorldUser;
  let police: WorldUser;

  beforeAll(async () => {
    // Monday 28 December 2026: the calendar date (Saturday 26th) has passed, the working day (Tuesday 29th) has not.
    server = await startTestServer(dialect, { now: () => new Date('2026-12-28T12:00:00.000Z') });
    const councilId = await buildAgency(server.db, { kind: 'council', name: 'Synthetic Council' });
    const policeId = await buildAgency(server.db, { kind: 'police', name: 'Synthetic Police' });
    council = await buildSignedInUser(server, councilId, [], 'data_officer');
    police = await buildSignedInUser(server, policeId, [], 'data_officer');
    const person = await buildPerson(server.db, { ownerAgencyId: policeId, givenName: 'Odile', familyName: 'Farthingale' });
    const shared = await buildCase(server.db, { ownerAgencyId: policeId, sharingLevel: 'shared', sharedAgencyIds: [councilId] });
    await server.db.insertInto('case_subjects').values({ id: newId(), case_id: shared.id, person_id: person, role: 'victim', created_at: '2026-11-01T09:00:00.000Z' }).execute();
    const res = await call<SarDetail>(server, council, 'POST', '/sars', {
      personId: person, reference: 'SAR-BH-1', receivedOn: '2026-11-26', requesterName: 'Odile Farthingale', requesterRelation: 'data_subject', requesterContact: 'By post',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  });
  afterAll(() => server.stop());

  it('is due on the next working day after a weekend and a bank holiday, and not yet overdue', async () => {
    const list = await call<{ sars: SarSummary[] }>(server, council, 'GET', '/sars');
    expect(list.body.sars.map((s) => [s.calendarDueOn, s.dueOn, s.timeliness])).toEqual([['2026-12-26', '2026-12-29', 'due_soon']]);
    const detail = await call<SarDetail>(server, council, 'GET', `/sars/${list.body.sars[0]!.id}`);
    expect([detail.body.calendarDueOn, detail.body.dueOn, detail.body.firstDueOn]).toEqual(['2026-12-26', '2026-12-29', '2026-12-29']);
    // The consulted agency sees the same deadline.
    const inbox = await call<{ consultations: SarConsultationSummary[] }>(server, police, 'GET', '/sar-consultations');
    expect(inbox.body.consultations.map((c) => [c.calendarDueOn, c.dueOn, c.timeliness])).toEqual([['2026-12-26', '2026-12-29', 'due_soon']]);
  });

  it('moves an extended deadline the same way, and records the working days in the trail', async () => {
    const [sar] = (await call<{ sars: SarSummary[] }>(server, council, 'GET', '/sars')).body.sars;
    // Received 26 November, extended by two months: Friday 26 February 2027, a working day.
    const res = await call<SarDetail>(server, council, 'POST', `/sars/${sar!.id}/extension`, { months: 2, reason: 'Three agencies consulted over Christmas', expectedVersion: sar!.version });
    expect([res.status, res.body.calendarDueOn, res.body.dueOn, res.body.firstDueOn, res.body.timeliness]).toEqual([200, '2027-02-26', '2027-02-26', '2026-12-29', 'on_time']);
    const event = await server.db.selectFrom('audit_events').select('details').where('action', '=', 'sar.extend').executeTakeFirstOrThrow();
    expect(JSON.parse(event.details)).toMatchObject({ changes: { dueOn: ['2026-12-29', '2027-02-26'] } });
  });
});
