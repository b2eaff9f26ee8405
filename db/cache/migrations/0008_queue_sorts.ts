/**
 * 0008: indexes for the queue's tabs and sorts. The sorts by reference, title and review date read a
 * page in index order instead of sorting every case (each with the id tie-break, and the same
 * expressions as `main/cache/queue-query.ts` orders by, or SQLite would not use them); "my cases" and
 * "my team's cases" look up the owner user and team.
 */
import { sql, type Kysely } from 'kysely';

const INDEXES: Array<{ name: string; on: string }> = [
  { name: 'cases_reference_idx', on: 'reference, id' },
  { name: 'cases_title_idx', on: 'title COLLATE NOCASE, id' },
  { name: 'cases_review_idx', on: "coalesce(review_date, '9999-12-31'), id" },
  { name: 'cases_owner_user_idx', on: 'owner_user_id' },
  { name: 'cases_owner_team_idx', on: 'owner_team_id' },
];

/** Creates the indexes. */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const index of INDEXES) {
    await sql.raw(`CREATE INDEX ${index.name} ON cases (${index.on})`).execute(db);
  }
}

/** Drops them. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const index of INDEXES) {
    await sql.raw(`DROP INDEX ${index.name}`).execute(db);
  }
}
