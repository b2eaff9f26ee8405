/**
 * What is recorded on an agenda case (docs/marac.md): each agency's research (fact or opinion),
 * the minutes, and SMART actions as tasks of their owner agency, carried onto later meetings of the
 * area while unfinished.
 */
import type { Selectable, Transaction } from 'kysely';
import type { MaracAgendaItemTable, ServerDatabase } from '../../../db/server/schema.ts';
import type { AddActionBody, AddResearchBody, SetMinutesBody } from '../../../domain/entities/marac-meeting.ts';
import { CodedError } from '../../../domain/errors.ts';
import { newId } from '../../../domain/ids.ts';
import { addsResearch } from '../../../domain/policy/marac-meeting-policy.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { loadCase } from '../../cases/case-policy-loader.ts';
import { isoOf, type WriteContext } from '../../changes/write-context.ts';
import { createTask } from '../../tasks/task-service.ts';
import { carryForward } from './meeting-agenda.ts';
import { MEETING_ENTITY, type LoadedMeeting } from './meeting-loader.ts';

type Trx = Transaction<ServerDatabase>;

/** An agenda item of the meeting (a validation error otherwise). */
async function agendaItemOf(trx: Trx, meeting: LoadedMeeting, itemId: string): Promise<Selectable<MaracAgendaItemTable>> {
  const item = await trx.selectFrom('marac_agenda_items').selectAll().where('id', '=', itemId).where('meeting_id', '=', meeting.row.id).executeTakeFirst();
  if (!item) {
    throw new CodedError('validation_error', 'Invalid body at agendaItemId: not an item of this meeting.');
  }
  return item;
}

/** Records one item of the caller's agency's research on an agenda case the caller sees. */
export async function addResearch(trx: Trx, w: WriteContext, meeting: LoadedMeeting, body: AddResearchBody): Promise<string> {
  const item = await agendaItemOf(trx, meeting, body.agendaItemId);
  const loaded = await loadCase(trx, item.case_id, w.user);
  if (!loaded || !addsResearch(w.user, meeting.policy, loaded.policy, isoOf(w))) {
    throw new CodedError('authorization_error', 'You may not add research on this agenda case.');
  }
  const id = newId();
  await trx.insertInto('marac_research').values({
    id, meeting_id: meeting.row.id, agenda_item_id: item.id, case_id: item.case_id, agency_id: w.user.agencyId, team_id: w.user.teamIds[0] ?? null,
    author_user_id: w.user.id, nature: body.nature, restricted: body.restricted ? 1 : 0, body: body.text, created_at: isoOf(w),
  }).execute();
  await recordAudit(trx, {
    actor: w.actor, action: 'record.create', entityType: 'marac_research', entityId: id, outcome: 'success', at: w.now,
    details: { meetingId: meeting.row.id, agendaItemId: item.id, caseId: item.case_id, nature: body.nature, restricted: body.restricted },
  });
  return id;
}

/** Sets the minutes of an agenda case (the coordinator; empty text clears them). */
export async function setMinutes(trx: Trx, w: WriteContext, meeting: LoadedMeeting, body: SetMinutesBody): Promise<void> {
  const item = await agendaItemOf(trx, meeting, body.agendaItemId);
  const text = body.text === '' ? null : body.text;
  await trx.updateTable('marac_agenda_items').set({ minutes: text, minutes_by: w.user.id, minutes_at: isoOf(w) }).where('id', '=', item.id).execute();
  await recordAudit(trx, {
    actor: w.actor, action: 'record.update', entityType: MEETING_ENTITY, entityId: meeting.row.id, outcome: 'success', at: w.now,
    details: { agendaItemId: item.id, caseId: item.case_id, minutes: text === null ? 'cleared' : 'set' },
  });
}

/**
 * Records a SMART action on an agenda case as a task of its owner agency (which must see the case),
 * and carries the case onto the area's later meetings already scheduled. Returns the task id.
 */
export async function addAction(trx: Trx, w: WriteContext, meeting: LoadedMeeting, body: AddActionBody, taskId: string = newId()): Promise<string> {
  const item = await agendaItemOf(trx, meeting, body.agendaItemId);
  if (body.dueDate < meeting.row.meeting_date) {
    throw new CodedError('validation_error', 'Invalid body at dueDate: an action is due on or after the meeting date.');
  }
  try {
    await createTask(trx, w, item.case_id, {
      title: body.title, description: body.description, assigneeAgencyId: body.ownerAgencyId, assigneeTeamId: null, assigneeUserId: null, dueDate: body.dueDate,
    }, taskId);
  } catch (e) {
    if (e instanceof CodedError && e.code === 'validation_error') {
      throw new CodedError('validation_error', e.message.replace('assigneeAgencyId', 'ownerAgencyId'));
    }
    throw e;
  }
  await trx.insertInto('marac_actions').values({ task_id: taskId, meeting_id: meeting.row.id, agenda_item_id: item.id }).execute();
  await recordAudit(trx, {
    actor: w.actor, action: 'record.update', entityType: MEETING_ENTITY, entityId: meeting.row.id, outcome: 'success', at: w.now,
    details: { agendaItemId: item.id, caseId: item.case_id, actionTaskId: taskId },
  });
  const later = await trx.selectFrom('marac_meetings').select('id').where('marac_area_id', '=', meeting.row.marac_area_id)
    .where('meeting_date', '>', meeting.row.meeting_date).execute();
  for (const m of later) {
    await carryForward(trx, w, m.id, item.case_id, item.referral_id);
  }
  return taskId;
}
