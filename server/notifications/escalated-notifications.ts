/**
 * Escalation notifications (docs/notifications.md, "Escalated: produced when listing"). Escalation is
 * derived, never stored (domain/policy/task-escalation.ts), so, as for `task_overdue`, the rows are
 * written when a reader lists: a task the reader sees, still to be done and overdue by more than the
 * system's escalation days (the setting, not the default), that escalates to the reader — they manage
 * the assignee team or own the case — gets one `task_escalated` row addressed to the reader alone,
 * once per task, due date and reader (its dedupe key), so its read state survives a restart.
 */
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import type { PolicyUser } from '../../domain/policy/policy-user.ts';
import { escalatesTo, isTaskEscalated } from '../../domain/policy/task-escalation.ts';
import { taskVisibleSql } from '../access/task-visibility.ts';
import { anyOf } from '../access/sql-audience.ts';
import { readSystemSettings } from '../settings/system-settings.ts';
import { notifyUsers, unwrittenDedupeKeys } from './notify-users.ts';

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD`, `days` before `today`. */
function daysBefore(today: string, days: number): string {
  return new Date(Date.parse(`${today}T00:00:00Z`) - days * DAY_MS).toISOString().slice(0, 10);
}

/** The rows the SQL can rule out cheaply: only tasks that could escalate to this reader. */
function mayEscalateToSql(user: PolicyUser) {
  const manager = user.role === 'team_manager';
  return anyOf([
    sql<SqlBool>`c.owner_user_id = ${user.id}`,
    ...(manager ? [sql<SqlBool>`t.assignee_agency_id = ${user.agencyId}`, sql<SqlBool>`c.owner_agency_id = ${user.agencyId}`] : []),
  ]);
}

/** Writes the missing `task_escalated` notifications for tasks that escalate to the user. */
export async function produceEscalated(db: Kysely<ServerDatabase>, user: PolicyUser, at: string): Promise<void> {
  const today = at.slice(0, 10);
  const { taskEscalationDays: days } = await readSystemSettings(db);
  const rows = await db.selectFrom('tasks as t').innerJoin('cases as c', 'c.id', 't.case_id')
    .select(['t.id', 't.case_id', 't.due_date', 't.status', 't.assignee_agency_id', 't.assignee_team_id', 't.assignee_user_id',
      'c.owner_agency_id', 'c.owner_team_id', 'c.owner_user_id'])
    .where(taskVisibleSql(user, at, 't')).where(mayEscalateToSql(user))
    .where('t.due_date', 'is not', null).where('t.due_date', '<', daysBefore(today, days)).where('t.status', 'in', ['open', 'in_progress'])
    .execute();
  const key = (r: { id: string; due_date: string | null }) => `task_escalated:${r.id}:${r.due_date}:${user.id}`;
  const escalated = rows.filter((r) => isTaskEscalated({ dueDate: r.due_date, status: r.status }, today, days)
    && escalatesTo(user,
      { assigneeAgencyId: r.assignee_agency_id, assigneeTeamId: r.assignee_team_id, assigneeUserId: r.assignee_user_id },
      { ownerAgencyId: r.owner_agency_id, ownerTeamId: r.owner_team_id, ownerUserId: r.owner_user_id }));
  const unwritten = await unwrittenDedupeKeys(db, escalated.map(key));
  const toWrite = escalated.filter((r) => unwritten.has(key(r)));
  if (toWrite.length === 0) {
    return;
  }
  await db.transaction().execute(async (trx) => {
    for (const r of toWrite) {
      await notifyUsers(trx, 'task_escalated', { agencyId: user.agencyId, teamId: null, userId: user.id },
        { caseId: r.case_id, taskId: r.id }, at, key(r));
    }
  });
}
