/**
 * 0004: the default case types as data (docs/domain-model.md: a configurable list), indexes for the
 * authorized case list (newest first, keyset paging), and per-agency reference counters so two
 * cases created at the same moment never race for the same reference.
 */
import { sql, type Kysely } from 'kysely';
import { CASE_TYPE_LABELS, CASE_TYPES } from '../../../domain/vocabulary.ts';

/** Seeds case types, adds list indexes and the counter table. */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const code of CASE_TYPES) {
    await sql`insert into case_types (code, label, active, retention_years) values (${code}, ${CASE_TYPE_LABELS[code]}, 1, 6)
      on conflict (code) do nothing`.execute(db);
  }
  await db.schema.createIndex('cases_updated_idx').on('cases').columns(['updated_at', 'id']).execute();
  await db.schema.createIndex('cases_owner_updated_idx').on('cases').columns(['owner_agency_id', 'updated_at', 'id']).execute();
  await db.schema.createTable('case_reference_counters')
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_number', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_reference_counters_pk', ['agency_id', 'year'])
    .execute();
}

/** Removes what 0004 added (the case types stay: cases refer to them). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('case_reference_counters').execute();
  await db.schema.dropIndex('cases_owner_updated_idx').execute();
  await db.schema.dropIndex('cases_updated_idx').execute();
}
