/**
 * The renderer's way to change data: each local change is one of the sync mutations, applied
 * optimistically to the cache with its outbox entry in one transaction, then pushed.
 */
import { z } from 'zod';
import { MUTATION_ARGS } from '../sync/mutations.ts';
import { defineChannel } from './channel.ts';

const baseVersion = z.number().int().positive().optional();

export const LocalChangeInputSchema = z.discriminatedUnion('name', [
  z.object({ name: z.literal('case.create'), args: MUTATION_ARGS['case.create'], baseVersion }).strict(),
  z.object({ name: z.literal('case.update'), args: MUTATION_ARGS['case.update'], baseVersion }).strict(),
  z.object({ name: z.literal('report.create'), args: MUTATION_ARGS['report.create'], baseVersion }).strict(),
  z.object({ name: z.literal('report.update'), args: MUTATION_ARGS['report.update'], baseVersion }).strict(),
  z.object({ name: z.literal('task.create'), args: MUTATION_ARGS['task.create'], baseVersion }).strict(),
  z.object({ name: z.literal('task.update'), args: MUTATION_ARGS['task.update'], baseVersion }).strict(),
  z.object({ name: z.literal('task.addUpdate'), args: MUTATION_ARGS['task.addUpdate'], baseVersion }).strict(),
  z.object({ name: z.literal('dash_assessment.create'), args: MUTATION_ARGS['dash_assessment.create'], baseVersion }).strict(),
  z.object({ name: z.literal('marac_referral.create'), args: MUTATION_ARGS['marac_referral.create'], baseVersion }).strict(),
  z.object({ name: z.literal('marac_meeting.setMinutes'), args: MUTATION_ARGS['marac_meeting.setMinutes'], baseVersion }).strict(),
  z.object({ name: z.literal('marac_meeting.addAction'), args: MUTATION_ARGS['marac_meeting.addAction'], baseVersion }).strict(),
  z.object({ name: z.literal('marker.create'), args: MUTATION_ARGS['marker.create'], baseVersion }).strict(),
  z.object({ name: z.literal('marker.update'), args: MUTATION_ARGS['marker.update'], baseVersion }).strict(),
  z.object({ name: z.literal('person.create'), args: MUTATION_ARGS['person.create'], baseVersion }).strict(),
  z.object({ name: z.literal('case.addSubject'), args: MUTATION_ARGS['case.addSubject'], baseVersion }).strict(),
  z.object({ name: z.literal('case.removeSubject'), args: MUTATION_ARGS['case.removeSubject'], baseVersion }).strict(),
  z.object({ name: z.literal('location.create'), args: MUTATION_ARGS['location.create'], baseVersion }).strict(),
  z.object({ name: z.literal('case.addLocation'), args: MUTATION_ARGS['case.addLocation'], baseVersion }).strict(),
]);

export const changeChannels = {
  /** Records a local change; answers its outbox mutation id. `baseVersion` is the version the user saw (risk, status, closure). */
  'changes.submit': defineChannel({ input: LocalChangeInputSchema, output: z.object({ mutationId: z.number().int().positive() }), needsSession: true }),
} as const;
