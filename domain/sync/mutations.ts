/**
 * The offline mutations a desktop may push (docs/sync.md), each declared once with its argument
 * schema. Ids of new records are made on the client, so a replay cannot create a twin.
 */
import { z } from 'zod';
import { AddCaseSubjectBodySchema, CaseLocationBodySchema, CaseSubjectBodySchema, CreateCaseBodySchema, PatchCaseBodySchema } from '../entities/case.ts';
import { CreateDashAssessmentBodySchema } from '../entities/dash-assessment.ts';
import { AddActionBodySchema, SetMinutesBodySchema } from '../entities/marac-meeting.ts';
import { CreateLocationBodySchema } from '../entities/location.ts';
import { CreateMaracReferralBodySchema } from '../entities/marac-referral.ts';
import { CreateMarkerBodySchema, PatchMarkerBodySchema } from '../entities/marker.ts';
import { CreatePersonBodySchema } from '../entities/person.ts';
import { CreateReportBodySchema, PatchReportBodySchema } from '../entities/report.ts';
import { CreateTaskBodySchema, TaskUpdateBodySchema } from '../entities/task.ts';
import { MAX_DOCUMENT_BYTES } from '../documents/max-document-bytes.ts';
import { IdSchema } from '../ids.ts';
import { ReportSharingLevelSchema, SharingLevelSchema, TaskStatusSchema } from '../vocabulary.ts';

/**
 * The case's PATCH body without `expectedVersion`: the mutation's `baseVersion` is the
 * compare-and-set version of the safety-critical fields (risk level, status, closure reason;
 * closing needs a `closureReason`).
 */
export const CaseUpdateArgsSchema = z.object({ caseId: IdSchema }).extend(PatchCaseBodySchema.omit({ expectedVersion: true }).shape).strict();

/**
 * A new case, made offline: the create body without a chosen reference (the server assigns one) or
 * the search flag, with a client-made id. The owner team must be a team of the user's agency (the
 * server checks); `shared` needs named shares, so it is not offered offline.
 */
export const CaseCreateArgsSchema = z.object({ caseId: IdSchema })
  .extend(CreateCaseBodySchema.pick({ title: true, caseType: true, riskLevel: true, reviewDate: true, ownerTeamId: true }).shape)
  .extend({ sharingLevel: SharingLevelSchema.exclude(['shared']).default('owner_agency') }).strict();

export const ReportCreateArgsSchema = z.object({ reportId: IdSchema, caseId: IdSchema })
  .extend(CreateReportBodySchema.pick({ kind: true, title: true, body: true }).shape)
  .extend({
    /** `case` (default) follows the case; `shared` needs named shares, so it is not offered offline. */
    sharingLevel: ReportSharingLevelSchema.exclude(['shared']).default('case'),
  }).strict();

/**
 * An edit of a report's title or text by its author, offline: always compare-and-set on the
 * mutation's `baseVersion` (the version edited), so an edit of a report changed since is a
 * conflict the user resolves, never a silent overwrite. The server keeps the replaced text as a version.
 */
export const ReportUpdateArgsSchema = z.object({ reportId: IdSchema }).extend(PatchReportBodySchema.pick({ title: true, body: true }).shape).strict()
  .refine((a) => a.title !== undefined || a.body !== undefined, { message: 'Say what to change on the report.' });

export const TaskCreateArgsSchema = z.object({ taskId: IdSchema, caseId: IdSchema }).extend(CreateTaskBodySchema.shape).strict();

export const TaskUpdateArgsSchema = z.object({ taskId: IdSchema, status: TaskStatusSchema }).strict();

export const TaskAddUpdateArgsSchema = z.object({ taskUpdateId: IdSchema, taskId: IdSchema }).extend(TaskUpdateBodySchema.shape).strict();

/** A DASH assessment made offline (docs/marac.md): the route's body with client-made ids; scored on the server. */
export const DashAssessmentCreateArgsSchema = z.object({ assessmentId: IdSchema, personId: IdSchema, assessment: CreateDashAssessmentBodySchema }).strict();

/**
 * A MARAC referral made offline: the route's body with a client-made id, and the id the new MARAC case
 * takes when the referral links none. The server works out the criteria and the repeat flag when it
 * applies the push, from the referrals it holds then, so the flag is confirmed at push time.
 */
export const MaracReferralCreateArgsSchema = z.object({ referralId: IdSchema, newCaseId: IdSchema, referral: CreateMaracReferralBodySchema }).strict();

/**
 * A MARAC meeting's minutes of one agenda case, recorded offline (docs/marac.md): the route's body;
 * the last minutes pushed win. Only the area's coordinators may (the server checks at push).
 */
export const MaracMinutesSetArgsSchema = z.object({ meetingId: IdSchema }).extend(SetMinutesBodySchema.shape).strict();

/** A MARAC action recorded offline: the route's body with the client-made id of its task. */
export const MaracActionCreateArgsSchema = z.object({ meetingId: IdSchema, taskId: IdSchema }).extend(AddActionBodySchema.shape).strict();

/** A marker placed offline: the route's body with a client-made id (the server checks the user sees the subject). */
export const MarkerCreateArgsSchema = z.object({ markerId: IdSchema }).extend(CreateMarkerBodySchema.shape).strict();

/**
 * A change to a marker (owner agency only, last-writer-wins): edit, review (a new review date) or
 * expire (an expiry of now). At least one field.
 */
export const MarkerUpdateArgsSchema = z.object({ markerId: IdSchema }).extend(PatchMarkerBodySchema.shape).strict()
  .refine((a) => Object.keys(a).length > 1, { message: 'Say what to change on the marker.' });

/**
 * A person recorded offline: the route's body with a client-made id. The server applies it through
 * the same service as `POST /persons` and runs the duplicate check again when it is pushed.
 */
export const PersonCreateArgsSchema = z.object({ personId: IdSchema, person: CreatePersonBodySchema }).strict();

/** A person added to a case in a role, offline: the route's body with a client-made id for the link. */
export const CaseAddSubjectArgsSchema = z.object({ caseSubjectId: IdSchema, caseId: IdSchema }).extend(AddCaseSubjectBodySchema.shape).strict();

/** A person in a role taken off a case (owner agency only; the server checks). */
export const CaseRemoveSubjectArgsSchema = z.object({ caseId: IdSchema }).extend(CaseSubjectBodySchema.shape).strict();

/** A place (an address) recorded offline: the route's body with a client-made id; the caller's agency owns it. */
export const LocationCreateArgsSchema = z.object({ locationId: IdSchema }).extend(CreateLocationBodySchema.shape).strict();

/** A place put on a case offline, with why it matters: the route's body with a client-made id for the link. */
export const CaseAddLocationArgsSchema = z.object({ caseLocationId: IdSchema, caseId: IdSchema }).extend(CaseLocationBodySchema.shape).strict();

/**
 * A file attached offline (docs/sync.md, "Documents"): its content is not in the outbox but sealed in
 * this computer's cache file store under the client-made id. The push sends it to
 * `POST /cases/:caseId/documents` with that id (a replay stores nothing more), then pushes this
 * mutation, which the server applies by confirming that it holds the document: uploaded by the
 * user, on that case, with that SHA-256.
 */
export const DocumentUploadArgsSchema = z.object({
  documentId: IdSchema,
  caseId: IdSchema,
  fileName: z.string().min(1).max(255),
  contentType: z.string().min(1).max(200),
  sizeBytes: z.number().int().positive().max(MAX_DOCUMENT_BYTES),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
}).strict();

/**
 * A document deleted offline (the uploader or a manager of the owning agency; the server checks at
 * push with the same rule as `DELETE /documents/:id` and audits it). The case is the document's
 * own (a document of another case is not found), so the case screen counts the change as its own.
 */
export const DocumentDeleteArgsSchema = z.object({ documentId: IdSchema, caseId: IdSchema }).strict();

/** Every mutation name and the schema of its arguments. */
export const MUTATION_ARGS = {
  'case.create': CaseCreateArgsSchema,
  'case.update': CaseUpdateArgsSchema,
  'report.create': ReportCreateArgsSchema,
  'report.update': ReportUpdateArgsSchema,
  'task.create': TaskCreateArgsSchema,
  'task.update': TaskUpdateArgsSchema,
  'task.addUpdate': TaskAddUpdateArgsSchema,
  'dash_assessment.create': DashAssessmentCreateArgsSchema,
  'marac_referral.create': MaracReferralCreateArgsSchema,
  'marac_meeting.setMinutes': MaracMinutesSetArgsSchema,
  'marac_meeting.addAction': MaracActionCreateArgsSchema,
  'marker.create': MarkerCreateArgsSchema,
  'marker.update': MarkerUpdateArgsSchema,
  'person.create': PersonCreateArgsSchema,
  'case.addSubject': CaseAddSubjectArgsSchema,
  'case.removeSubject': CaseRemoveSubjectArgsSchema,
  'location.create': LocationCreateArgsSchema,
  'case.addLocation': CaseAddLocationArgsSchema,
  'document.upload': DocumentUploadArgsSchema,
  'document.delete': DocumentDeleteArgsSchema,
} as const;

/** A mutation's name. */
export type MutationName = keyof typeof MUTATION_ARGS;
export const MutationNameSchema = z.enum(Object.keys(MUTATION_ARGS) as [MutationName, ...MutationName[]]);
/** The parsed arguments of a mutation. */
export type MutationArgs<N extends MutationName> = z.output<(typeof MUTATION_ARGS)[N]>;
/** The case fields that only change by compare-and-set. */
export const CASE_SAFETY_FIELDS = ['riskLevel', 'status', 'closureReason'] as const;
