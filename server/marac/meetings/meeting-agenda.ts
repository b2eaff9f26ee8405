/**
 * Scheduling a meeting and building its agenda (docs/marac.md): referrals of the area go on it in
 * order, an emergency case can be added, the order can be changed, and cases with unfinished actions
 * from earlier meetings of the area are carried onto it automatically.
 */
import type { Transaction } from 'kysely';
import type { ServerDatabase } from '../../../db/server/schema.ts';
import type { AddAgendaItemBody, AgendaOrderBody, ScheduleMeetingBody } from '../../../domain/entities/marac-meeting.ts';
import { CodedError } from '../../../domain/errors.ts';
import { newId } from '../../../domain/ids.ts';
import { canSeeCase } from '../../../domain/policy/case-policy.ts';
import { runsMeeting } from '../../../domain/policy/marac-meeting-policy.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { loadCase } from '../../cases/case-policy-loader.ts';
import { isoOf, type WriteContext } from '../../changes/write-context.ts';
import { acknowledgedAgencies, shareAgendaCase } from './agenda-sharing.ts';
import { UNFINISHED } from './meeting-actions-query.ts';
import { MEETING_ENTITY, type LoadedMeeting } from './meeting-loader.ts';

type Trx = Transaction<ServerDatabase>;

/** Schedules a meeting of an area the caller's agency coordinates; the caller is its coordinator. Returns its id. */
export async function scheduleMeeting(trx: Trx, w: WriteContext, body: ScheduleMeetingBody): Promise<string> {
  const area = await trx.selectFrom('marac_areas').select(['id', 'coordinator_agency_id']).where('id', '=', body.maracAreaId).executeTakeFirst();
  if (!area) {
    throw new CodedError('validation_error', 'Invalid body at maracAreaId: unknown MARAC area.');
  }
  if (!runsMeeting(w.user, { coordinatorAgencyId: area.coordinator_agency_id })) {
    throw new CodedError('authorization_error', "Only the area's MARAC coordinators may schedule its meetings.");
  }
  const taken = await trx.selectFrom('marac_meetings').select('id').where('marac_area_id', '=', area.id).where('meeting_date', '=', body.date).executeTakeFirst();
  if (taken) {
    throw new CodedError('conflict', 'This area already has a meeting on that date.');
  }
  const id = newId();
  const at = isoOf(w);
  await trx.insertInto('marac_meetings').values({
    id, marac_area_id: area.id, meeting_date: body.date, chair: body.chair, coordinator_user_id: w.user.id, created_at: at, updated_at: at,
  }).execute();
  await recordAudit(trx, {
    actor: w.actor, action: 'record.create', entityType: MEETING_ENTITY, entityId: id, outcome: 'success', at: w.now,
    details: { maracAreaId: area.id, date: body.date },
  });
  const carried = await trx.selectFrom('marac_actions as ma').innerJoin('tasks as t', 't.id', 'ma.task_id')
    .innerJoin('marac_meetings as m', 'm.id', 'ma.meeting_id').innerJoin('marac_agenda_items as i', 'i.id', 'ma.agenda_item_id')
    .select(['t.case_id', 'i.referral_id', 'm.meeting_date'])
    .where('m.marac_area_id', '=', area.id).where('m.meeting_date', '<', body.date).where('t.status', 'in', [...UNFINISHED])
    .orderBy('m.meeting_date', 'desc').orderBy('i.position').execute();
  for (const c of carried) {
    await carryForward(trx, w, id, c.case_id, c.referral_id);
  }
  return id;
}

/** Puts a case with an unfinished action on a meeting's agenda, when it is not there yet. */
export async function carryForward(trx: Trx, w: WriteContext, meetingId: string, caseId: string, referralId: string): Promise<void> {
  const present = await trx.selectFrom('marac_agenda_items').select('id').where('meeting_id', '=', meetingId).where('case_id', '=', caseId).executeTakeFirst();
  if (present) {
    return;
  }
  const itemId = await insertItem(trx, w, meetingId, caseId, referralId, { emergency: false, carriedForward: true });
  await recordAudit(trx, {
    actor: w.actor, action: 'record.update', entityType: MEETING_ENTITY, entityId: meetingId, outcome: 'success', at: w.now,
    details: { agendaItemId: itemId, caseId, carriedForward: true },
  });
  await shareAgendaCase(trx, w, meetingId, caseId, await acknowledgedAgencies(trx, meetingId));
}

async function insertItem(
  trx: Trx, w: WriteContext, meetingId: string, caseId: string, referralId: string, flags: { emergency: boolean; carriedForward: boolean },
): Promise<string> {
  const last = await trx.selectFrom('marac_agenda_items').select((eb) => eb.fn.max('position').as('max')).where('meeting_id', '=', meetingId).executeTakeFirst();
  const id = newId();
  await trx.insertInto('marac_agenda_items').values({
    id, meeting_id: meetingId, case_id: caseId, referral_id: referralId, position: Number(last?.max ?? 0) + 1,
    emergency: flags.emergency ? 1 : 0, carried_forward: flags.carriedForward ? 1 : 0, minutes: null, minutes_by: null, minutes_at: null, created_at: isoOf(w),
  }).execute();
  return id;
}

/** Puts a referral of the meeting's area, whose case the coordinator sees, on the agenda; shares it with acknowledged agencies. */
export async function addAgendaItem(trx: Trx, w: WriteContext, meeting: LoadedMeeting, body: AddAgendaItemBody): Promise<string[]> {
  const referral = await trx.selectFrom('marac_referrals').select(['id', 'case_id', 'marac_area_id']).where('id', '=', body.referralId).executeTakeFirst();
  const loaded = referral ? await loadCase(trx, referral.case_id, w.user) : undefined;
  if (!referral || !loaded || !canSeeCase(w.user, loaded.policy, isoOf(w))) {
    throw new CodedError('validation_error', 'Invalid body at referralId: no such referral.');
  }
  if (referral.marac_area_id !== meeting.row.marac_area_id) {
    throw new CodedError('validation_error', "Invalid body at referralId: the referral is for another MARAC area.");
  }
  const present = await trx.selectFrom('marac_agenda_items').select('id').where('meeting_id', '=', meeting.row.id).where('case_id', '=', referral.case_id).executeTakeFirst();
  if (present) {
    throw new CodedError('conflict', 'This case is already on the agenda.');
  }
  const itemId = await insertItem(trx, w, meeting.row.id, referral.case_id, referral.id, { emergency: body.emergency, carriedForward: false });
  await recordAudit(trx, {
    actor: w.actor, action: 'record.update', entityType: MEETING_ENTITY, entityId: meeting.row.id, outcome: 'success', at: w.now,
    details: { agendaItemId: itemId, caseId: referral.case_id, referralId: referral.id, emergency: body.emergency },
  });
  return shareAgendaCase(trx, w, meeting.row.id, referral.case_id, await acknowledgedAgencies(trx, meeting.row.id));
}

/** Puts the agenda in the given order; every item must be named exactly once. */
export async function orderAgenda(trx: Trx, w: WriteContext, meeting: LoadedMeeting, body: AgendaOrderBody): Promise<void> {
  const items = await trx.selectFrom('marac_agenda_items').select('id').where('meeting_id', '=', meeting.row.id).execute();
  const current = items.map((i) => i.id).sort();
  const wanted = [...body.itemIds].sort();
  if (new Set(body.itemIds).size !== body.itemIds.length || current.join() !== wanted.join()) {
    throw new CodedError('validation_error', 'Invalid body at itemIds: name every agenda item exactly once.');
  }
  for (const [index, id] of body.itemIds.entries()) {
    await trx.updateTable('marac_agenda_items').set({ position: index + 1 }).where('id', '=', id).execute();
  }
  await recordAudit(trx, {
    actor: w.actor, action: 'record.update', entityType: MEETING_ENTITY, entityId: meeting.row.id, outcome: 'success', at: w.now,
    details: { agendaOrder: body.itemIds },
  });
}
