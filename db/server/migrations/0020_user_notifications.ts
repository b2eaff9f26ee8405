/**
 * 0020: notifications to users (docs/notifications.md). A row names only ids and a kind, and its
 * audience in the shape of a task's assignee (agency, optional team, optional user); the text is
 * rendered at read time, and a row is listed only when the reader's policy sees its subject.
 * Read state is per user, so it survives a restart.
 */
import type { Kysely } from 'kysely';

/** Adds `user_notifications` and `user_notification_reads`. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('user_notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('team_id', 'text')
    .addColumn('user_id', 'text')
    .addColumn('case_id', 'text')
    .addColumn('task_id', 'text')
    .addColumn('marker_id', 'text')
    .addColumn('access_request_id', 'text')
    .addColumn('dedupe_key', 'text', (c) => c.unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('user_notifications_agency_created').on('user_notifications').columns(['agency_id', 'created_at']).execute();
  await db.schema.createTable('user_notification_reads')
    .addColumn('notification_id', 'text', (c) => c.notNull().references('user_notifications.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('read_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('user_notification_reads_pk', ['notification_id', 'user_id'])
    .execute();
}

/** Drops both tables. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('user_notification_reads').execute();
  await db.schema.dropTable('user_notifications').execute();
}
