import { describe, expect, it } from 'vitest';
import { buildAgency, buildUser } from '../support/factories.ts';
import { buildPerson } from '../support/case-factories.ts';
import { useServerMigration } from '../support/server-migration.ts';
import { testDialects } from '../support/test-databases.ts';

describe.each(testDialects())('migration 0021_marac_meetings on %s', (dialect) => {
  const m = useServerMigration(dialect, '0020_user_notifications');

  it('keeps the referrals and adds meeting tables that hold an agenda, attendees, research and actions', async () => {
    const agencyId = await buildAgency(m.db);
    const user = await buildUser(m.db, { agencyId, username: 'coordinator.user', role: 'marac_coordinator' });
    const victim = await buildPerson(m.db, { ownerAgencyId: agencyId, givenName: 'Vela' });
    const at = '2026-11-10T10:00:00.000Z';
    const areaId = crypto.randomUUID();
    await m.db.insertInto('marac_areas').values({ id: areaId, name: 'Area', coordinator_agency_id: agencyId, created_at: at }).execute();
    const assessmentId = crypto.randomUUID();
    await m.db.insertInto('dash_assessments').values({
      id: assessmentId, person_id: victim, version: '2015', answers: '[]', score: 15, scored_band: 'high', band: 'high',
      judgement_band: null, judgement_reasons: null, assessed_by: user.id, agency_id: agencyId, assessed_at: at,
    }).execute();
    const caseId = crypto.randomUUID();
    await m.db.insertInto('cases').values({
      id: caseId, reference: 'MARAC-1', title: 'Synthetic', case_type: 'domestic_abuse_marac', status: 'open', closure_reason: null, risk_level: 'high',
      review_date: null, owner_agency_id: agencyId, owner_team_id: null, owner_user_id: user.id, sharing_level: 'owner_agency', hidden_from_search: 0,
      created_by: user.id, created_at: at, updated_at: at, version: 1, seq: 1,
    }).execute();
    const referralId = crypto.randomUUID();
    await m.db.insertInto('marac_referrals').values({
      id: referralId, case_id: caseId, marac_area_id: areaId, dash_assessment_id: assessmentId, victim_person_id: victim,
      referring_agency_id: agencyId, referred_by: user.id, referred_on: '2026-11-10', score: 15, band: 'high', criteria: '["visible_high_risk"]',
      repeat: 0, repeat_of_referral_id: null, details: '{}', created_at: at,
    }).execute();
    const before = await m.db.selectFrom('marac_referrals').select(['id', 'case_id']).execute();

    await m.migrateTo('0021_marac_meetings');
    expect(await m.db.selectFrom('marac_referrals').select(['id', 'case_id']).execute()).toEqual(before);
    const meetingId = crypto.randomUUID();
    await m.db.insertInto('marac_meetings').values({
      id: meetingId, marac_area_id: areaId, meeting_date: '2026-11-24', chair: 'Synthetic Chair', coordinator_user_id: user.id, created_at: at, updated_at: at,
    }).execute();
    const itemId = crypto.randomUUID();
    const item = {
      id: itemId, meeting_id: meetingId, case_id: caseId, referral_id: referralId, position: 1, minutes: null, minutes_by: null, minutes_at: null, created_at: at,
    };
    await m.db.insertInto('marac_agenda_items').values(item).execute();
    // One agenda item per case per meeting.
    await expect(m.db.insertInto('marac_agenda_items').values({ ...item, id: crypto.randomUUID(), position: 2 }).execute()).rejects.toThrow();
    const stored = await m.db.selectFrom('marac_agenda_items').select(['emergency', 'carried_forward']).executeTakeFirstOrThrow();
    expect([Number(stored.emergency), Number(stored.carried_forward)]).toEqual([0, 0]);
    await m.db.insertInto('marac_attendees').values({ id: crypto.randomUUID(), meeting_id: meetingId, user_id: user.id, agency_id: agencyId, acknowledged_at: null, created_at: at }).execute();
    await m.db.insertInto('marac_research').values({
      id: crypto.randomUUID(), meeting_id: meetingId, agenda_item_id: itemId, case_id: caseId, agency_id: agencyId, team_id: null,
      author_user_id: user.id, nature: 'fact', body: 'Synthetic fact', created_at: at,
    }).execute();
    const research = await m.db.selectFrom('marac_research').select(['nature', 'restricted']).executeTakeFirstOrThrow();
    expect([research.nature, Number(research.restricted)]).toEqual(['fact', 0]);
    const taskId = crypto.randomUUID();
    await m.db.insertInto('tasks').values({
      id: taskId, case_id: caseId, title: 'Synthetic action', description: 'Done when', assignee_agency_id: agencyId, assignee_team_id: null,
      assignee_user_id: null, due_date: '2026-12-01', status: 'open', created_by: user.id, created_at: at, updated_at: at, version: 1,
    }).execute();
    await m.db.insertInto('marac_actions').values({ task_id: taskId, meeting_id: meetingId, agenda_item_id: itemId }).execute();
    expect(await m.indexesOf('marac_meetings')).toEqual(expect.arrayContaining(['marac_meetings_area_idx']));

    await m.migrateTo('0020_user_notifications');
    for (const table of ['marac_meetings', 'marac_agenda_items', 'marac_attendees', 'marac_research', 'marac_actions']) {
      expect(await m.columnsOf(table)).toEqual([]);
    }
    expect(await m.db.selectFrom('marac_referrals').select(['id', 'case_id']).execute()).toEqual(before);
  });
});
