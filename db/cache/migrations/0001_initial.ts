/** 0001: sync metadata, agencies and cases. */
import type { Kysely } from 'kysely';

/** Creates the first cache tables. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('agencies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('case_type', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('closure_reason', 'text')
    .addColumn('risk_level', 'text', (c) => c.notNull())
    .addColumn('review_date', 'text')
    .addColumn('owner_agency_id', 'text', (c) => c.notNull())
    .addColumn('owner_team_id', 'text')
    .addColumn('owner_user_id', 'text')
    .addColumn('sharing_level', 'text', (c) => c.notNull())
    .addColumn('shared_agency_ids', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cases_updated_at_idx').on('cases').column('updated_at').execute();
}

/** Drops what 0001 created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['cases', 'agencies', 'meta']) {
    await db.schema.dropTable(table).execute();
  }
}
