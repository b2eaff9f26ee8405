/**
 * 0011: MARAC meetings a coordinator took offline (docs/marac.md, "A meeting with no network").
 * Each row keeps exactly what the server's meeting read answered this user (agenda cases, research,
 * minutes, actions and attendees as they were shown), so the copy never holds more than the user
 * could read. `offline_meeting_cases` names the agenda cases of each copy, so a case removed by sync
 * (erased, or no longer visible) leaves the copy too. Not part of the mirror's swap, but a reset
 * empties it like the mirror; a wipe deletes the whole file.
 */
import type { Kysely } from 'kysely';

/** Creates `offline_meetings` and `offline_meeting_cases`. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('offline_meetings')
    .addColumn('meeting_id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('record', 'text', (c) => c.notNull())
    .addColumn('taken_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('offline_meeting_cases')
    .addColumn('meeting_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('offline_meeting_cases_pk', ['meeting_id', 'case_id'])
    .execute();
  await db.schema.createIndex('offline_meeting_cases_case').on('offline_meeting_cases').column('case_id').execute();
}

/** Drops both tables (and with them the copies: only ever run in tests). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('offline_meeting_cases').execute();
  await db.schema.dropTable('offline_meetings').execute();
}
