/** Reads MARAC actions (tasks linked to meetings) with where they were agreed (docs/marac.md). */
import type { Kysely, Transaction } from 'kysely';
import type { ServerDatabase } from '../../../db/server/schema.ts';
import type { MeetingAction } from '../../../domain/entities/marac-meeting.ts';
import type { TaskStatus } from '../../../domain/vocabulary.ts';

type Db = Kysely<ServerDatabase> | Transaction<ServerDatabase>;

/** Statuses of an action still to be finished: carried forward to the next meeting. */
export const UNFINISHED: readonly TaskStatus[] = ['open', 'in_progress'];

/** An action row before the reader's policy is applied. */
export interface ActionRow {
  action: MeetingAction;
  areaId: string;
  assigneeTeamId: string | null;
  assigneeUserId: string | null;
}

/** The actions of the meetings of `areaIds`, optionally only on `caseIds`, ordered by due date. */
export async function loadActionRows(db: Db, areaIds: readonly string[], today: string, caseIds?: readonly string[]): Promise<ActionRow[]> {
  if (areaIds.length === 0 || caseIds?.length === 0) {
    return [];
  }
  const rows = await db.selectFrom('marac_actions as ma')
    .innerJoin('tasks as t', 't.id', 'ma.task_id')
    .innerJoin('marac_meetings as m', 'm.id', 'ma.meeting_id')
    .innerJoin('cases as c', 'c.id', 't.case_id')
    .innerJoin('agencies as a', 'a.id', 't.assignee_agency_id')
    .select([
      't.id', 't.case_id', 't.title', 't.description', 't.due_date', 't.status', 't.assignee_agency_id', 't.assignee_team_id', 't.assignee_user_id',
      'a.name as agency_name', 'c.reference', 'm.id as meeting_id', 'm.meeting_date', 'm.marac_area_id',
    ])
    .where('m.marac_area_id', 'in', [...areaIds])
    .$if(caseIds !== undefined, (qb) => qb.where('t.case_id', 'in', [...caseIds!]))
    .orderBy('t.due_date').orderBy('t.created_at').orderBy('t.id').execute();
  return rows.map((r) => ({
    areaId: r.marac_area_id,
    assigneeTeamId: r.assignee_team_id,
    assigneeUserId: r.assignee_user_id,
    action: {
      taskId: r.id, meetingId: r.meeting_id, meetingDate: r.meeting_date, caseId: r.case_id, caseReference: r.reference,
      title: r.title, description: r.description, ownerAgency: { id: r.assignee_agency_id, name: r.agency_name },
      dueDate: r.due_date, status: r.status,
      overdue: r.due_date !== null && r.due_date < today && UNFINISHED.includes(r.status),
    },
  }));
}
