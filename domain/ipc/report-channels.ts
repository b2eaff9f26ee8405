/** IPC channels of one report: its whole current text from the offline copy, and its kept versions from the server. */
import { z } from 'zod';
import { ReportVersionRecordSchema } from '../entities/report.ts';
import { IdSchema } from '../ids.ts';
import { ReportKindSchema } from '../vocabulary.ts';
import { defineChannel } from './channel.ts';

/** One cached report's whole current text, as the edit dialog starts from it. */
export const ReportTextSchema = z.object({
  id: IdSchema,
  caseId: IdSchema,
  kind: ReportKindSchema,
  title: z.string(),
  body: z.string(),
  /** The version this text is: an edit is made from it, and refused as a conflict if the server's has moved on. */
  version: z.number().int().positive(),
  /** The server's `update` ability from the last sync (the author alone edits a report). */
  editable: z.boolean(),
});
/** A report's whole current text. */
export type ReportText = z.infer<typeof ReportTextSchema>;

export const reportChannels = {
  /** One report's whole current text from the offline copy (audited as a view of the report); `not_found` when not cached. */
  'reports.text': defineChannel({ input: z.object({ reportId: IdSchema }).strict(), output: ReportTextSchema, needsSession: true }),
  /**
   * Every version of a report the user may see, oldest first (`GET /reports/:id/versions`); online
   * only, `network_error` when the server cannot be reached.
   */
  'reports.versions': defineChannel({
    input: z.object({ reportId: IdSchema }).strict(), output: z.object({ versions: z.array(ReportVersionRecordSchema) }), needsSession: true,
  }),
} as const;
