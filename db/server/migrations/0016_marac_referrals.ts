/**
 * 0016: MARAC referrals with the DASH checklist (docs/marac.md). `marac_areas` holds each area's
 * coordinating agency and escalation rule; `dash_assessments` keeps the questionnaire version with
 * the answers; `marac_referrals` and `marac_referral_perpetrators` keep each referral and the pairs
 * the repeat flag is worked out from.
 */
import type { Kysely } from 'kysely';

/** Creates the MARAC tables. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('marac_areas')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('coordinator_agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('escalation_incidents', 'integer', (c) => c.notNull().defaultTo(3))
    .addColumn('escalation_months', 'integer', (c) => c.notNull().defaultTo(12))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createTable('dash_assessments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('scored_band', 'text', (c) => c.notNull())
    .addColumn('band', 'text', (c) => c.notNull())
    .addColumn('judgement_band', 'text')
    .addColumn('judgement_reasons', 'text')
    .addColumn('assessed_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('assessed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('dash_assessments_person_idx').on('dash_assessments').columns(['person_id', 'assessed_at']).execute();
  await db.schema.createTable('marac_referrals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('marac_area_id', 'text', (c) => c.notNull().references('marac_areas.id'))
    .addColumn('dash_assessment_id', 'text', (c) => c.notNull().references('dash_assessments.id'))
    .addColumn('victim_person_id', 'text', (c) => c.notNull().references('persons.id'))
    .addColumn('referring_agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('referred_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('referred_on', 'text', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('band', 'text', (c) => c.notNull())
    .addColumn('criteria', 'text', (c) => c.notNull())
    .addColumn('repeat', 'integer', (c) => c.notNull())
    .addColumn('repeat_of_referral_id', 'text', (c) => c.references('marac_referrals.id'))
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('marac_referrals_victim_idx').on('marac_referrals').columns(['victim_person_id', 'referred_on']).execute();
  await db.schema.createIndex('marac_referrals_area_idx').on('marac_referrals').columns(['marac_area_id', 'referred_on']).execute();
  await db.schema.createTable('marac_referral_perpetrators')
    .addColumn('referral_id', 'text', (c) => c.notNull().references('marac_referrals.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
    .addColumn('relationship_to_victim', 'text', (c) => c.notNull())
    .addColumn('address', 'text')
    .addPrimaryKeyConstraint('marac_referral_perpetrators_pk', ['referral_id', 'person_id'])
    .execute();
  await db.schema.createIndex('marac_referral_perpetrators_person_idx').on('marac_referral_perpetrators').column('person_id').execute();
}

/** Drops the MARAC tables. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('marac_referral_perpetrators').execute();
  await db.schema.dropTable('marac_referrals').execute();
  await db.schema.dropTable('dash_assessments').execute();
  await db.schema.dropTable('marac_areas').execute();
}
