/**
 * 0021: MARAC meetings (docs/marac.md). A meeting of an area has a date, a chair and a coordinator;
 * its agenda items (ordered) each rest on a referral of the case; attendees are users of agencies
 * with their confidentiality acknowledgement; research is kept per agency per agenda case, each item
 * a fact or an opinion; minutes are per agenda item; actions are tasks linked to the meeting.
 */
import type { Kysely } from 'kysely';

/** Creates the meeting tables. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('marac_meetings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('marac_area_id', 'text', (c) => c.notNull().references('marac_areas.id'))
    .addColumn('meeting_date', 'text', (c) => c.notNull())
    .addColumn('chair', 'text', (c) => c.notNull())
    .addColumn('coordinator_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('marac_meetings_area_idx').on('marac_meetings').columns(['marac_area_id', 'meeting_date']).execute();
  await db.schema.createTable('marac_agenda_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('marac_meetings.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('referral_id', 'text', (c) => c.notNull().references('marac_referrals.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('emergency', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('carried_forward', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('minutes', 'text')
    .addColumn('minutes_by', 'text', (c) => c.references('users.id'))
    .addColumn('minutes_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('marac_agenda_items_case_uq', ['meeting_id', 'case_id'])
    .execute();
  await db.schema.createTable('marac_attendees')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('marac_meetings.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('acknowledged_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('marac_attendees_user_uq', ['meeting_id', 'user_id'])
    .execute();
  await db.schema.createTable('marac_research')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('marac_meetings.id'))
    .addColumn('agenda_item_id', 'text', (c) => c.notNull().references('marac_agenda_items.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('team_id', 'text')
    .addColumn('author_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('nature', 'text', (c) => c.notNull())
    .addColumn('restricted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('marac_research_item_idx').on('marac_research').columns(['agenda_item_id', 'agency_id']).execute();
  await db.schema.createTable('marac_actions')
    .addColumn('task_id', 'text', (c) => c.primaryKey().references('tasks.id'))
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('marac_meetings.id'))
    .addColumn('agenda_item_id', 'text', (c) => c.notNull().references('marac_agenda_items.id'))
    .execute();
  await db.schema.createIndex('marac_actions_meeting_idx').on('marac_actions').column('meeting_id').execute();
}

/** Drops the meeting tables. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('marac_actions').execute();
  await db.schema.dropTable('marac_research').execute();
  await db.schema.dropTable('marac_attendees').execute();
  await db.schema.dropTable('marac_agenda_items').execute();
  await db.schema.dropTable('marac_meetings').execute();
}
