/**
 * 0023: retention and erasure (docs/audit.md, "Retention and erasure"). A case records when it was
 * closed; each case type has a retention rule (review N years after closure) a system admin sets;
 * data officers record review decisions (keep until a date, or erase) and legal holds, which block
 * erasure; an erased record leaves a metadata-only tombstone, never its content.
 */
import { sql, type Kysely } from 'kysely';

/** Adds `cases.closed_at` (backfilled), `retention_rules` (seeded), `legal_holds`, `retention_reviews`, `erasure_tombstones`, `audit_event_values`. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('cases').addColumn('closed_at', 'text').execute();
  // Closure time was not kept before: a closed case's last change is the closest we have (never earlier than the closure).
  await sql`UPDATE cases SET closed_at = updated_at WHERE status = 'closed'`.execute(db);
  await db.schema.createIndex('cases_closed_at_idx').on('cases').columns(['closed_at']).execute();

  await db.schema.createTable('retention_rules')
    .addColumn('case_type', 'text', (c) => c.primaryKey().references('case_types.code'))
    .addColumn('review_after_years', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('set_by', 'text')
    .addColumn('set_at', 'text', (c) => c.notNull())
    .execute();
  // Every existing case type starts with the period it already carried (6 years unless changed).
  await sql`INSERT INTO retention_rules (case_type, review_after_years, version, set_by, set_at)
    SELECT code, retention_years, 1, NULL, ${new Date(0).toISOString()} FROM case_types`.execute(db);

  await db.schema.createTable('legal_holds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('placed_by', 'text', (c) => c.notNull())
    .addColumn('placed_at', 'text', (c) => c.notNull())
    .addColumn('released_by', 'text')
    .addColumn('released_at', 'text')
    .execute();
  await db.schema.createIndex('legal_holds_case_idx').on('legal_holds').columns(['case_id', 'released_at']).execute();

  await db.schema.createTable('retention_reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('keep_until', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .addCheckConstraint('retention_reviews_decision', sql`(decision = 'keep' AND keep_until IS NOT NULL) OR (decision = 'erase' AND keep_until IS NULL)`)
    .execute();
  await db.schema.createIndex('retention_reviews_case_idx').on('retention_reviews').columns(['case_id', 'decided_at']).execute();

  await db.schema.createTable('erasure_tombstones')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('owner_agency_id', 'text', (c) => c.notNull())
    .addColumn('case_type', 'text', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('erased_by', 'text', (c) => c.notNull())
    .addColumn('erased_at', 'text', (c) => c.notNull())
    .addColumn('erased_counts', 'text', (c) => c.notNull())
    .execute();
  // An update's old → new values, apart from the hashed event (which commits to them): erasable, unlike audit_events.
  await db.schema.createTable('audit_event_values')
    .addColumn('seq', 'bigint', (c) => c.primaryKey())
    .addColumn('entity_type', 'text')
    .addColumn('entity_id', 'text')
    .addColumn('salt', 'text', (c) => c.notNull())
    .addColumn('changes', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_event_values_entity_idx').on('audit_event_values').columns(['entity_id']).execute();
  await db.schema.createIndex('erasure_tombstones_entity_idx').on('erasure_tombstones').columns(['entity_type', 'entity_id']).unique().execute();
}

/** Drops the tables, the index and the column. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('audit_event_values').execute();
  await db.schema.dropTable('erasure_tombstones').execute();
  await db.schema.dropTable('retention_reviews').execute();
  await db.schema.dropTable('legal_holds').execute();
  await db.schema.dropTable('retention_rules').execute();
  await db.schema.dropIndex('cases_closed_at_idx').execute();
  await db.schema.alterTable('cases').dropColumn('closed_at').execute();
}
