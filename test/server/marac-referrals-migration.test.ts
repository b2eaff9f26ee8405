import { describe, expect, it } from 'vitest';
import { buildAgency, buildUser } from '../support/factories.ts';
import { buildPerson } from '../support/case-factories.ts';
import { useServerMigration } from '../support/server-migration.ts';
import { testDialects } from '../support/test-databases.ts';

describe.each(testDialects())('migration 0016_marac_referrals on %s', (dialect) => {
  const m = useServerMigration(dialect, '0015_audit_merkle_log');

  it('keeps existing persons and users and adds empty MARAC tables that take an assessment and a referral pair', async () => {
    const agencyId = await buildAgency(m.db);
    const user = await buildUser(m.db, { agencyId, username: 'idva.user' });
    const victim = await buildPerson(m.db, { ownerAgencyId: agencyId, givenName: 'Vela' });
    const perpetrator = await buildPerson(m.db, { ownerAgencyId: agencyId, givenName: 'Pax' });
    const before = await m.db.selectFrom('persons').select(['id', 'given_name']).orderBy('given_name').execute();

    await m.migrateTo('0016_marac_referrals');
    expect(await m.db.selectFrom('persons').select(['id', 'given_name']).orderBy('given_name').execute()).toEqual(before);
    expect(await m.db.selectFrom('marac_referrals').select('id').execute()).toEqual([]);

    const at = '2026-11-10T10:00:00.000Z';
    await m.db.insertInto('marac_areas').values({ id: crypto.randomUUID(), name: 'Area', coordinator_agency_id: agencyId, created_at: at }).execute();
    const area = await m.db.selectFrom('marac_areas').select(['id', 'escalation_incidents', 'escalation_months']).executeTakeFirstOrThrow();
    expect([Number(area.escalation_incidents), Number(area.escalation_months)]).toEqual([3, 12]);
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
      id: referralId, case_id: caseId, marac_area_id: area.id, dash_assessment_id: assessmentId, victim_person_id: victim,
      referring_agency_id: agencyId, referred_by: user.id, referred_on: '2026-11-10', score: 15, band: 'high', criteria: '["visible_high_risk"]',
      repeat: 0, repeat_of_referral_id: null, details: '{}', created_at: at,
    }).execute();
    await m.db.insertInto('marac_referral_perpetrators').values({ referral_id: referralId, person_id: perpetrator, relationship_to_victim: 'Partner', address: null }).execute();
    await expect(m.db.insertInto('marac_referral_perpetrators').values({ referral_id: referralId, person_id: perpetrator, relationship_to_victim: 'Again', address: null }).execute())
      .rejects.toThrow();
    expect(await m.indexesOf('marac_referrals')).toEqual(expect.arrayContaining(['marac_referrals_area_idx', 'marac_referrals_victim_idx']));
  });

  it('drops the MARAC tables again when migrated down, keeping the persons', async () => {
    const agencyId = await buildAgency(m.db);
    const person = await buildPerson(m.db, { ownerAgencyId: agencyId });
    await m.migrateTo('0016_marac_referrals');
    await m.migrateTo('0015_audit_merkle_log');
    for (const table of ['marac_areas', 'dash_assessments', 'marac_referrals', 'marac_referral_perpetrators']) {
      expect(await m.columnsOf(table)).toEqual([]);
    }
    expect(await m.db.selectFrom('persons').select('id').execute()).toEqual([{ id: person }]);
  });
});
