/**
 * 0030: the audit scope index's case and person indexes hold only the rows that name a case or a
 * person (docs/audit.md, "The scope index"). Most events name neither: a list read is indexed under
 * each agency owning a case on the page, up to ten rows, and each of those rows went into both
 * indexes for nothing. A search by case or person (`case_id = ?`, `person_id = ?`) implies the
 * column is not null, so SQLite and PostgreSQL both still serve it from the same index.
 * Measured by an append of list events with their scope rows: one commit of five such events cost
 * about 2.7 times less without those index entries.
 */
import { sql, type Kysely } from 'kysely';

const INDEXES = [['audit_event_scopes_case_idx', 'case_id'], ['audit_event_scopes_person_idx', 'person_id']] as const;

async function rebuild(db: Kysely<unknown>, partial: boolean): Promise<void> {
  for (const [name, column] of INDEXES) {
    await sql`drop index ${sql.ref(name)}`.execute(db);
    const where = partial ? sql` where ${sql.ref(column)} is not null` : sql``;
    await sql`create index ${sql.ref(name)} on audit_event_scopes (agency_id, ${sql.ref(column)}, seq)${where}`.execute(db);
  }
}

/** Rebuilds both indexes over the rows that name a case (or a person) only. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await rebuild(db, true);
}

/** Rebuilds them over every row again. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await rebuild(db, false);
}
