/**
 * 0006: the outcome of each rejected or conflicting pushed mutation, so a replay (after a lost
 * response) gets the same answer instead of "applied" — the desktop must never think a refused
 * change went through.
 */
import type { Kysely } from 'kysely';

/** Creates `client_mutation_outcomes`. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('client_mutation_outcomes')
    .addColumn('client_id', 'text', (c) => c.notNull().references('client_mutations.client_id'))
    .addColumn('mutation_id', 'bigint', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('client_mutation_outcomes_pk', ['client_id', 'mutation_id'])
    .execute();
}

/** Drops the table. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('client_mutation_outcomes').execute();
}
