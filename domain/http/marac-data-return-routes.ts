/** The SafeLives MARAC data return: figures per quarter and per meeting, and their CSV and XLSX files (docs/marac.md). */
import { z } from 'zod';
import { IdSchema } from '../ids.ts';
import { DataReturnFileSchema, DataReturnFormatSchema, DataReturnRecordSchema } from '../marac/data-return-record.ts';
import { QuarterSchema } from '../marac/data-return-quarter.ts';
import { defineRoute, IdParams, NoBody } from './route.ts';

const SuppressSchema = z.enum(['true', 'false']).default('false').transform((v) => v === 'true');

export const QuarterReturnQuerySchema = z.object({ areaId: IdSchema, quarter: QuarterSchema, suppressUnder5: SuppressSchema }).strict();
export const MeetingReturnQuerySchema = z.object({ suppressUnder5: SuppressSchema }).strict();
export const QuarterReturnFileQuerySchema = QuarterReturnQuerySchema.extend({ format: DataReturnFormatSchema }).strict();
export const MeetingReturnFileQuerySchema = MeetingReturnQuerySchema.extend({ format: DataReturnFormatSchema }).strict();

export const maracDataReturnRoutes = {
  getMaracQuarterReturn: defineRoute({
    method: 'GET', path: '/marac/data-return', auth: true, tag: 'marac',
    summary: "The area's coordinators: the SafeLives data return of a calendar quarter (cases discussed at its meetings; counts only; audited)",
    query: QuarterReturnQuerySchema, body: NoBody, response: DataReturnRecordSchema,
  }),
  getMaracQuarterReturnFile: defineRoute({
    method: 'GET', path: '/marac/data-return/file', auth: true, tag: 'marac',
    summary: "The area's coordinators: the quarter's data return as CSV or XLSX, marked OFFICIAL-SENSITIVE (audited as an export)",
    query: QuarterReturnFileQuerySchema, body: NoBody, response: DataReturnFileSchema,
  }),
  getMaracMeetingReturn: defineRoute({
    method: 'GET', path: '/marac/meetings/:id/data-return', auth: true, tag: 'marac',
    summary: "The area's coordinators: the data return of one meeting (its agenda cases; counts only; audited)",
    params: IdParams, query: MeetingReturnQuerySchema, body: NoBody, response: DataReturnRecordSchema,
  }),
  getMaracMeetingReturnFile: defineRoute({
    method: 'GET', path: '/marac/meetings/:id/data-return/file', auth: true, tag: 'marac',
    summary: "The area's coordinators: one meeting's data return as CSV or XLSX, marked OFFICIAL-SENSITIVE (audited as an export)",
    params: IdParams, query: MeetingReturnFileQuerySchema, body: NoBody, response: DataReturnFileSchema,
  }),
} as const;
