/** Wire shapes of reports (agency-authored content inside a case) and their kept versions. */
import { z } from 'zod';
import { IdSchema, TimestampSchema } from '../ids.ts';
import { ReportKindSchema, ReportSharingLevelSchema } from '../vocabulary.ts';

export const ReportRecordSchema = z.object({
  id: IdSchema,
  caseId: IdSchema,
  kind: ReportKindSchema,
  title: z.string(),
  body: z.string(),
  authorUserId: IdSchema,
  authorAgencyId: IdSchema,
  authorTeamId: IdSchema.nullable(),
  sharingLevel: ReportSharingLevelSchema,
  sharedAgencyIds: z.array(IdSchema),
  sharedTeamIds: z.array(IdSchema),
  sharedUserIds: z.array(IdSchema),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
  version: z.number().int().positive(),
  abilities: z.object({ read: z.boolean(), update: z.boolean() }),
});
/** A report with the caller's abilities. */
export type ReportRecord = z.infer<typeof ReportRecordSchema>;

export const CreateReportBodySchema = z.object({
  kind: ReportKindSchema,
  title: z.string().trim().min(1).max(200),
  body: z.string().min(1).max(100_000),
  /** `case` (default) follows the case; any other level restricts the report further. */
  sharingLevel: ReportSharingLevelSchema.default('case'),
  agencyIds: z.array(IdSchema).max(100).default([]),
  teamIds: z.array(IdSchema).max(200).default([]),
  userIds: z.array(IdSchema).max(500).default([]),
  /** The authoring team; one of the author's teams (defaults to their first). */
  authorTeamId: IdSchema.nullable().optional(),
}).strict();
/** What a new report needs. */
export type CreateReportBody = z.infer<typeof CreateReportBodySchema>;

export const PatchReportBodySchema = z.object({
  title: CreateReportBodySchema.shape.title.optional(),
  body: CreateReportBodySchema.shape.body.optional(),
  /** The version the author edited: when given, an edit of a report changed since is refused with `conflict` (nothing written). */
  expectedVersion: z.number().int().positive().optional(),
}).strict();
/** An edit of a report's text (the previous text is kept as a version). */
export type PatchReportBody = z.infer<typeof PatchReportBodySchema>;

export const ReportVersionRecordSchema = z.object({
  version: z.number().int().positive(),
  title: z.string(),
  body: z.string(),
  editedBy: IdSchema,
  editedAt: TimestampSchema,
});
/** One kept version of a report's text. */
export type ReportVersionRecord = z.infer<typeof ReportVersionRecordSchema>;
