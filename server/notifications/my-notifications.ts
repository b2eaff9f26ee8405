/**
 * The caller's own notifications with read state (docs/notifications.md). Overdue-task
 * notifications are produced here, when the assignee lists: a task assigned to the caller (or their
 * team) that is past its due date and still to be done gets one `task_overdue` row per due date,
 * kept by its dedupe key, so it is written once and its read state survives a restart. Escalations
 * to team managers and case owners are produced the same way (escalated-notifications.ts).
 */
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import { CodedError } from '../../domain/errors.ts';
import { UserNotificationSchema, type UserNotificationList } from '../../domain/entities/user-notification.ts';
import type { PolicyUser } from '../../domain/policy/policy-user.ts';
import { isTaskOverdue } from '../../domain/policy/task-escalation.ts';
import { taskAssignedSql, taskVisibleSql } from '../access/task-visibility.ts';
import { userNotificationVisibleSql } from '../access/user-notification-visibility.ts';
import { produceEscalated } from './escalated-notifications.ts';
import { notifyUsers, unwrittenDedupeKeys } from './notify-users.ts';

type Db = Kysely<ServerDatabase>;

/** Writes the missing `task_overdue` notifications for tasks assigned to the user. */
export async function produceOverdue(db: Db, user: PolicyUser, at: string): Promise<void> {
  const today = at.slice(0, 10);
  const tasks = await db.selectFrom('tasks').select(['id', 'case_id', 'due_date', 'status', 'assignee_agency_id', 'assignee_team_id', 'assignee_user_id'])
    .where(taskAssignedSql(user, 'tasks')).where(taskVisibleSql(user, at, 'tasks'))
    .where('due_date', 'is not', null).where('due_date', '<', today).where('status', 'in', ['open', 'in_progress']).execute();
  const key = (t: { id: string; due_date: string | null }) => `task_overdue:${t.id}:${t.due_date}`;
  const overdue = tasks.filter((t) => isTaskOverdue({ dueDate: t.due_date, status: t.status }, today));
  const unwritten = await unwrittenDedupeKeys(db, overdue.map(key));
  const toWrite = overdue.filter((t) => unwritten.has(key(t)));
  if (toWrite.length === 0) {
    return;
  }
  await db.transaction().execute(async (trx) => {
    for (const t of toWrite) {
      await notifyUsers(trx, 'task_overdue', { agencyId: t.assignee_agency_id, teamId: t.assignee_team_id, userId: t.assignee_user_id },
        { caseId: t.case_id, taskId: t.id }, at, key(t));
    }
  });
}

function visible(db: Db, user: PolicyUser, at: string) {
  return db.selectFrom('user_notifications as n').where(userNotificationVisibleSql(user, at, 'n'));
}

const unreadSql = (user: PolicyUser) =>
  sql<SqlBool>`not exists (select 1 from user_notification_reads r where r.notification_id = n.id and r.user_id = ${user.id})`;

/** How many of the user's visible notifications they have not read. */
export async function countUnread(db: Db, user: PolicyUser, at: string): Promise<number> {
  const row = await visible(db, user, at).where(unreadSql(user)).select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The user's newest visible notifications and their unread count. */
export async function listMyNotifications(db: Db, user: PolicyUser, at: string, limit: number): Promise<UserNotificationList> {
  await produceOverdue(db, user, at);
  await produceEscalated(db, user, at);
  const rows = await visible(db, user, at)
    .select(['n.id', 'n.kind', 'n.case_id', 'n.task_id', 'n.marker_id', 'n.access_request_id', 'n.created_at'])
    .select(sql<SqlBool>`${unreadSql(user)}`.as('unread'))
    .orderBy('n.created_at', 'desc').orderBy('n.id', 'desc').limit(limit).execute();
  return {
    notifications: rows.map((n) => UserNotificationSchema.parse({
      id: n.id, kind: n.kind, caseId: n.case_id, taskId: n.task_id, markerId: n.marker_id, accessRequestId: n.access_request_id,
      createdAt: n.created_at, read: !(n.unread === true || Number(n.unread) === 1),
    })),
    unread: await countUnread(db, user, at),
  };
}

/** Marks one visible notification read for the user (404 when they do not see it); answers the unread count. */
export async function markRead(db: Db, user: PolicyUser, at: string, id: string): Promise<{ unread: number }> {
  const row = await visible(db, user, at).select('n.id').where('n.id', '=', id).executeTakeFirst();
  if (!row) {
    throw new CodedError('not_found', 'No such notification.');
  }
  await db.insertInto('user_notification_reads').values({ notification_id: id, user_id: user.id, read_at: at })
    .onConflict((oc) => oc.columns(['notification_id', 'user_id']).doNothing()).execute();
  return { unread: await countUnread(db, user, at) };
}

/** Marks every visible notification read for the user. */
export async function markAllRead(db: Db, user: PolicyUser, at: string): Promise<{ unread: number }> {
  const ids = await visible(db, user, at).select('n.id').where(unreadSql(user)).execute();
  if (ids.length > 0) {
    await db.insertInto('user_notification_reads').values(ids.map((r) => ({ notification_id: r.id, user_id: user.id, read_at: at })))
      .onConflict((oc) => oc.columns(['notification_id', 'user_id']).doNothing()).execute();
  }
  return { unread: 0 };
}
