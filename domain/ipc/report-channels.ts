/** IPC channels over a report's kept versions (read from the server: the offline copy holds only the current text). */
import { z } from 'zod';
import { ReportVersionRecordSchema } from '../entities/report.ts';
import { IdSchema } from '../ids.ts';
import { defineChannel } from './channel.ts';

export const reportChannels = {
  /**
   * Every version of a report the user may see, oldest first (`GET /reports/:id/versions`); online
   * only, `network_error` when the server cannot be reached.
   */
  'reports.versions': defineChannel({
    input: z.object({ reportId: IdSchema }).strict(), output: z.object({ versions: z.array(ReportVersionRecordSchema) }), needsSession: true,
  }),
} as const;
