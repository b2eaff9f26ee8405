/**
 * 0005: mirror tables for locations (addresses) and their links to cases. No search index: the
 * desktop has no offline address search yet, and every copy of an address is one more to erase.
 */
import type { Kysely } from 'kysely';

/** Creates `locations` and `case_locations` with the indexes the removal cascade and the case screen use. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('locations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('address_line', 'text', (c) => c.notNull())
    .addColumn('town', 'text', (c) => c.notNull())
    .addColumn('postcode', 'text', (c) => c.notNull())
    .addColumn('uprn', 'text')
    .addColumn('latitude', 'real')
    .addColumn('longitude', 'real')
    .addColumn('owner_agency_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('abilities', 'text')
    .execute();
  // No foreign keys, like the other mirror tables: a page may bring a link before its location.
  await db.schema
    .createTable('case_locations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('location_id', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_locations_case_idx').on('case_locations').column('case_id').execute();
  await db.schema.createIndex('case_locations_location_idx').on('case_locations').column('location_id').execute();
}

/** Drops what 0005 created (the rows are refetched by sync). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('case_locations').execute();
  await db.schema.dropTable('locations').execute();
}
