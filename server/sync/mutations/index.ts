/** The applier of each mutation name: each translates its arguments and calls the same service as the HTTP route. */
import type { Transaction } from 'kysely';
import type { ServerDatabase } from '../../../db/server/schema.ts';
import type { MutationArgs, MutationName } from '../../../domain/sync/mutations.ts';
import type { WriteContext } from '../../changes/write-context.ts';
import type { AppliedNote } from './applied-note.ts';
import { applyCaseCreate } from './case-create.ts';
import { applyCaseUpdate } from './case-update.ts';
import { applyDocumentDelete, applyDocumentUpload } from './document-mutations.ts';
import { applyDashAssessmentCreate, applyMaracActionCreate, applyMaracMinutesSet, applyMaracReferralCreate } from './marac-mutations.ts';
import { applyCaseAddLocation, applyLocationCreate } from './location-mutations.ts';
import { applyMarkerCreate, applyMarkerUpdate } from './marker-mutations.ts';
import { applyCaseAddSubject, applyCaseRemoveSubject, applyPersonCreate } from './person-mutations.ts';
import { applyReportCreate } from './report-create.ts';
import { applyReportUpdate } from './report-update.ts';
import { applyTaskAddUpdate, applyTaskCreate, applyTaskUpdate } from './task-mutations.ts';

export { MutationConflict } from './mutation-conflict.ts';

/**
 * Applies one parsed mutation inside the caller's transaction. Throws a MutationConflict when a
 * compare-and-set failed and any other CodedError to reject it.
 */
export type MutationApplier<N extends MutationName> = (
  trx: Transaction<ServerDatabase>, env: WriteContext, args: MutationArgs<N>, baseVersion: number | undefined,
) => Promise<void | AppliedNote>;

/** Every mutation's applier. */
export const MUTATION_APPLIERS: { [N in MutationName]: MutationApplier<N> } = {
  'case.create': (trx, env, args) => applyCaseCreate(trx, env, args),
  'case.update': applyCaseUpdate,
  'report.create': (trx, env, args) => applyReportCreate(trx, env, args),
  'report.update': applyReportUpdate,
  'task.create': (trx, env, args) => applyTaskCreate(trx, env, args),
  'task.update': (trx, env, args) => applyTaskUpdate(trx, env, args),
  'task.addUpdate': (trx, env, args) => applyTaskAddUpdate(trx, env, args),
  'dash_assessment.create': (trx, env, args) => applyDashAssessmentCreate(trx, env, args),
  'marac_referral.create': (trx, env, args) => applyMaracReferralCreate(trx, env, args),
  'marac_meeting.setMinutes': (trx, env, args) => applyMaracMinutesSet(trx, env, args),
  'marac_meeting.addAction': (trx, env, args) => applyMaracActionCreate(trx, env, args),
  'marker.create': (trx, env, args) => applyMarkerCreate(trx, env, args),
  'marker.update': (trx, env, args) => applyMarkerUpdate(trx, env, args),
  'person.create': (trx, env, args) => applyPersonCreate(trx, env, args),
  'case.addSubject': (trx, env, args) => applyCaseAddSubject(trx, env, args),
  'case.removeSubject': (trx, env, args) => applyCaseRemoveSubject(trx, env, args),
  'location.create': (trx, env, args) => applyLocationCreate(trx, env, args),
  'case.addLocation': (trx, env, args) => applyCaseAddLocation(trx, env, args),
  'document.upload': (trx, env, args) => applyDocumentUpload(trx, env, args),
  'document.delete': (trx, env, args) => applyDocumentDelete(trx, env, args),
};
