/**
 * `dash_assessment.create`, `marac_referral.create`, and a meeting's `marac_meeting.setMinutes` and
 * `marac_meeting.addAction` through the MARAC services, with the client's ids (docs/marac.md).
 */
import type { Transaction } from 'kysely';
import type { ServerDatabase } from '../../../db/server/schema.ts';
import type { MutationArgs } from '../../../domain/sync/mutations.ts';
import type { WriteContext } from '../../changes/write-context.ts';
import { createDashAssessment } from '../../marac/dash-assessment-service.ts';
import { loadRunMeeting } from '../../marac/meetings/meeting-loader.ts';
import { addAction, setMinutes } from '../../marac/meetings/meeting-records.ts';
import { createMaracReferral } from '../../marac/referral-service.ts';
import { assertIdFree } from './mutation-conflict.ts';

/** Records the assessment with the client's id; the server scores and bands it as for the route. */
export async function applyDashAssessmentCreate(trx: Transaction<ServerDatabase>, env: WriteContext, args: MutationArgs<'dash_assessment.create'>): Promise<void> {
  await assertIdFree(trx, 'dash_assessments', args.assessmentId);
  await createDashAssessment(trx, env, args.personId, args.assessment, args.assessmentId);
}

/**
 * Makes the referral with the client's ids. The criteria and the repeat flag are worked out now,
 * from the referrals the server holds at push time, whatever the desktop showed offline.
 */
export async function applyMaracReferralCreate(trx: Transaction<ServerDatabase>, env: WriteContext, args: MutationArgs<'marac_referral.create'>): Promise<void> {
  await assertIdFree(trx, 'marac_referrals', args.referralId);
  if (args.referral.caseId === null) {
    await assertIdFree(trx, 'cases', args.newCaseId);
  }
  await createMaracReferral(trx, env, args.referral, args.referralId, args.newCaseId);
}

/** Records the minutes of an agenda case, as the route does; a non-coordinator's change is rejected at push. */
export async function applyMaracMinutesSet(trx: Transaction<ServerDatabase>, env: WriteContext, args: MutationArgs<'marac_meeting.setMinutes'>): Promise<void> {
  const meeting = await loadRunMeeting(trx, args.meetingId, env.user);
  await setMinutes(trx, env, meeting, { agendaItemId: args.agendaItemId, text: args.text });
}

/** Records a SMART action as a task with the client's id, as the route does (carried onto later meetings). */
export async function applyMaracActionCreate(trx: Transaction<ServerDatabase>, env: WriteContext, args: MutationArgs<'marac_meeting.addAction'>): Promise<void> {
  await assertIdFree(trx, 'tasks', args.taskId);
  const meeting = await loadRunMeeting(trx, args.meetingId, env.user);
  const { meetingId: _meetingId, taskId, ...body } = args;
  await addAction(trx, env, meeting, body, taskId);
}
