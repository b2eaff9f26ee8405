/**
 * The SafeLives MARAC data return on the desktop (docs/marac.md): the figures of a quarter or a
 * meeting, and their CSV or XLSX file, both from the server; offline they answer `network_error`.
 */
import { z } from 'zod';
import { IdSchema } from '../ids.ts';
import { DataReturnFileSchema, DataReturnFormatSchema, DataReturnRecordSchema } from '../marac/data-return-record.ts';
import { QuarterSchema } from '../marac/data-return-quarter.ts';
import { defineChannel } from './channel.ts';

/** Which return: an area's quarter, or one meeting. */
export const DataReturnScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('quarter'), areaId: IdSchema, quarter: QuarterSchema }).strict(),
  z.object({ kind: z.literal('meeting'), meetingId: IdSchema }).strict(),
]);
/** Which return. */
export type DataReturnScope = z.infer<typeof DataReturnScopeSchema>;

const ReturnInput = z.object({ scope: DataReturnScopeSchema, suppressUnder5: z.boolean() }).strict();

export const maracDataReturnChannels = {
  'marac.dataReturn.get': defineChannel({ input: ReturnInput, output: DataReturnRecordSchema, needsSession: true }),
  'marac.dataReturn.file': defineChannel({ input: ReturnInput.extend({ format: DataReturnFormatSchema }).strict(), output: DataReturnFileSchema, needsSession: true }),
} as const;
