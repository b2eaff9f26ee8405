/**
 * The sharing dialog: who a case, or a report in it, is shared with, and the change. Sharing
 * decisions are made online only (the server checks the agreements and the version); offline the
 * answer is `network_error`. A stale version is `conflict`, which the dialog lets the user resolve.
 */
import { z } from 'zod';
import { CaseSharingBodySchema } from '../entities/case.ts';
import { DocumentSharingLevelSchema } from '../entities/document.ts';
import { CaseSharingViewSchema, DocumentSharingBodySchema, ReportSharingBodySchema } from '../entities/sharing.ts';
import { IdSchema } from '../ids.ts';
import { ReportSharingLevelSchema } from '../vocabulary.ts';
import { defineChannel } from './channel.ts';

/** A report's restriction as the dialog shows it, with the case's sharing (its bounds) and the directory. */
export const ReportSharingViewSchema = z.object({
  report: z.object({
    id: IdSchema,
    title: z.string(),
    owner: z.object({ agencyId: IdSchema, teamId: IdSchema.nullable(), userId: IdSchema }),
    sharingLevel: ReportSharingLevelSchema,
    agencyIds: z.array(IdSchema),
    teamIds: z.array(IdSchema),
    userIds: z.array(IdSchema),
    version: z.number().int().positive(),
    /** Only the author changes who sees a report. */
    mayChange: z.boolean(),
  }),
  case: CaseSharingViewSchema,
});
export type ReportSharingView = z.infer<typeof ReportSharingViewSchema>;

/** A document's restriction as the dialog shows it, with the case's sharing (its bounds) and the directory. */
export const DocumentSharingViewSchema = z.object({
  document: z.object({
    id: IdSchema,
    fileName: z.string(),
    owner: z.object({ agencyId: IdSchema, teamId: IdSchema.nullable(), userId: IdSchema }),
    sharingLevel: DocumentSharingLevelSchema,
    agencyIds: z.array(IdSchema),
    teamIds: z.array(IdSchema),
    userIds: z.array(IdSchema),
    /** The uploader, or a manager of its agency. */
    mayChange: z.boolean(),
  }),
  case: CaseSharingViewSchema,
});
export type DocumentSharingView = z.infer<typeof DocumentSharingViewSchema>;

export const sharingChannels = {
  'sharing.case': defineChannel({ input: z.object({ caseId: IdSchema }).strict(), output: CaseSharingViewSchema, needsSession: true }),
  /** Replaces the case's sharing, then syncs so the offline copy follows; answers the sharing as it now stands. */
  'sharing.setCase': defineChannel({ input: CaseSharingBodySchema.extend({ caseId: IdSchema }).strict(), output: CaseSharingViewSchema, needsSession: true }),
  'sharing.report': defineChannel({ input: z.object({ reportId: IdSchema }).strict(), output: ReportSharingViewSchema, needsSession: true }),
  'sharing.setReport': defineChannel({
    input: ReportSharingBodySchema.extend({ reportId: IdSchema }).strict(), output: ReportSharingViewSchema, needsSession: true,
  }),
  'sharing.document': defineChannel({ input: z.object({ documentId: IdSchema }).strict(), output: DocumentSharingViewSchema, needsSession: true }),
  /** `expected` is the sharing the dialog last read: documents carry no version. */
  'sharing.setDocument': defineChannel({
    input: DocumentSharingBodySchema.extend({ documentId: IdSchema }).strict(), output: DocumentSharingViewSchema, needsSession: true,
  }),
} as const;
