/**
 * 0029: the case list's audience rows gain one `g:<user>` row per case a user holds or held an access
 * grant on (docs/access.md, "The case list's audience rows"). The list's grants arm then walks that
 * user's rows newest first and checks each grant is in force as it reads, instead of joining every
 * grant the user ever held to its case and sorting them all. Every case's rows are rewritten with
 * the same SQL every write runs, so a database already at 0027 ends with exactly the rows a new one has.
 */
import { sql, type Kysely } from 'kysely';
import { writeCaseAudience } from '../case-audience.ts';

/** Rewrites every case's audience rows, now with the grant rows. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await writeCaseAudience(db, 'all');
}

/** Removes the grant rows; the rest are what 0027 wrote. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from case_audience where principal like 'g:%'`.execute(db);
}
