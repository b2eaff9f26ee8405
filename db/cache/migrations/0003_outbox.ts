/** 0003: the outbox of local changes and the conflict records the user resolves. */
import { sql, type Kysely } from 'kysely';

/** Creates the outbox and conflict tables. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('outbox')
    .addColumn('mutation_id', 'integer', (c) => c.primaryKey())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('args', 'text', (c) => c.notNull())
    .addColumn('base_version', 'integer')
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('pending', 'rejected', 'conflict')`))
    .addColumn('before_image', 'text')
    .addColumn('error_code', 'text')
    .addColumn('error_message', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('outbox_state_idx').on('outbox').columns(['state', 'mutation_id']).execute();
  await db.schema
    .createTable('sync_conflicts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('mutation_id', 'integer', (c) => c.notNull().unique().references('outbox.mutation_id').onDelete('cascade'))
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('mine', 'text', (c) => c.notNull())
    .addColumn('theirs', 'text', (c) => c.notNull())
    .addColumn('server_version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

/** Drops what 0003 created. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('sync_conflicts').execute();
  await db.schema.dropTable('outbox').execute();
}
