/** One cached case as the case screen shows it: its fields and the caller's abilities, subjects, active markers, open tasks, reports and documents. */
import { z } from 'zod';
import { CaseAbilitiesSchema } from '../entities/case.ts';
import { IdSchema } from '../ids.ts';
import {
  CaseStatusSchema, CaseTypeSchema, MarkerSubjectTypeSchema, MarkerTypeSchema, ReportKindSchema, RiskLevelSchema, SharingLevelSchema,
  SubjectRoleSchema, TaskStatusSchema,
} from '../vocabulary.ts';

const Count = z.number().int().nonnegative();

export const CaseDetailViewSchema = z.object({
  case: z.object({
    id: IdSchema,
    reference: z.string(),
    title: z.string(),
    caseType: CaseTypeSchema,
    status: CaseStatusSchema,
    closureReason: z.string().nullable(),
    riskLevel: RiskLevelSchema,
    reviewDate: z.string().nullable(),
    ownerAgencyName: z.string(),
    sharingLevel: SharingLevelSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
    /** The version the cache holds: a change to risk level or status is sent with it as `baseVersion`. */
    version: z.number().int().positive(),
    /** What the user may do, as the server said at the last sync; all false when the server has not said. */
    abilities: CaseAbilitiesSchema,
  }),
  subjects: z.array(z.object({
    id: IdSchema,
    personId: IdSchema,
    role: SubjectRoleSchema,
    /** Null when the person's record is not in the offline copy (the user does not see it in full). */
    displayName: z.string().nullable(),
  })),
  /** Warnings on the case, its people and its places that have not expired: the banner. */
  markers: z.array(z.object({
    id: IdSchema,
    markerType: MarkerTypeSchema,
    description: z.string(),
    subjectType: MarkerSubjectTypeSchema,
    subjectId: IdSchema,
    /** The person's name or the place's address when the marker is on a person or place of this case (null when not held). */
    subjectName: z.string().nullable(),
    ownerAgencyName: z.string(),
    reviewDate: z.string(),
    expiresAt: z.string().nullable(),
    /** The user's agency placed it, so the user may edit, review or end it (the server's ability at the last sync). */
    editable: z.boolean(),
  })),
  /**
   * The places on the case the offline copy holds, in the order they were added, each with its
   * address on one line and why it matters to the case (a marker may be placed on one).
   */
  places: z.array(z.object({ id: IdSchema, address: z.string(), description: z.string() })),
  /** Tasks still open or in progress, soonest due first. */
  openTasks: z.array(z.object({
    id: IdSchema,
    title: z.string(),
    status: TaskStatusSchema,
    dueDate: z.string().nullable(),
    /** Due before today and still open or in progress. */
    overdue: z.boolean(),
    assigneeAgencyName: z.string(),
  })),
  /** The newest reports with a short summary of their text (`reportCount` says how many there are in all). */
  reports: z.array(z.object({
    id: IdSchema,
    kind: ReportKindSchema,
    title: z.string(),
    summary: z.string(),
    authorAgencyName: z.string(),
    createdAt: z.string(),
    /** Above 1 when the author has edited it: the earlier versions are kept on the server. */
    version: z.number().int().positive(),
    authorUserId: IdSchema,
    /** The server's `update` ability from the last sync: only the author edits a report. */
    editable: z.boolean(),
  })),
  reportCount: Count,
  /** The case's documents the offline copy holds (on the case or its reports), newest first: what the list shows, not their content. */
  documents: z.array(z.object({
    id: IdSchema,
    fileName: z.string(),
    contentType: z.string(),
    sizeBytes: Count,
    createdAt: z.string(),
    /** The server's `delete` ability from the last sync: the uploader or a manager of the owning agency. */
    deletable: z.boolean(),
    /** Attached on this computer and not yet on the server (docs/sync.md, "Documents"). */
    waitingToSync: z.boolean(),
  })),
  /** The user's own changes to this case that are not settled: waiting to be sent, refused, or in conflict. */
  localChanges: z.object({ pending: Count, rejected: Count, conflicts: Count }),
});
/** One cached case with what the case screen shows. */
export type CaseDetailView = z.infer<typeof CaseDetailViewSchema>;
