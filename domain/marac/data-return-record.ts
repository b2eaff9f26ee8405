/** The data return as the API answers it (docs/marac.md): which area and period, and the figures. */
import { z } from 'zod';
import { IdSchema } from '../ids.ts';
import { DataReturnFiguresSchema } from './data-return.ts';
import { QuarterSchema } from './data-return-quarter.ts';

export const DataReturnRecordSchema = z.object({
  area: z.object({ id: IdSchema, name: z.string() }),
  period: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('quarter'), quarter: QuarterSchema, first: z.iso.date(), last: z.iso.date(), meetings: z.number().int().min(0) }),
    z.object({ kind: z.literal('meeting'), meetingId: IdSchema, date: z.iso.date() }),
  ]),
  suppressUnder5: z.boolean(),
  figures: DataReturnFiguresSchema,
});
/** One data return. */
export type DataReturnRecord = z.infer<typeof DataReturnRecordSchema>;

/** A data return written as a file: CSV or XLSX, base64. */
export const DataReturnFileSchema = z.object({
  fileName: z.string(),
  mediaType: z.string(),
  sha256: z.string(),
  contentBase64: z.string(),
});
/** A data return file. */
export type DataReturnFile = z.infer<typeof DataReturnFileSchema>;

/** The export formats. */
export const DataReturnFormatSchema = z.enum(['csv', 'xlsx']);
/** An export format. */
export type DataReturnFormat = z.infer<typeof DataReturnFormatSchema>;
