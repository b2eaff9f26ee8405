/**
 * The data return screen's choices in the URL (`#/marac/data-return?area=…&quarter=2026-Q4&suppress=true`,
 * or `?meeting=…` for one meeting's return).
 */
import { z } from 'zod';
import { IdSchema } from '../../../domain/ids.ts';
import { quarterOf, QuarterSchema, type Quarter } from '../../../domain/marac/data-return-quarter.ts';

/** The choices as the URL holds them; a value that does not fit is dropped, never an error page. */
export const DataReturnSearchSchema = z.object({
  area: IdSchema.optional().catch(undefined),
  quarter: QuarterSchema.optional().catch(undefined),
  suppress: z.boolean().optional().catch(undefined),
  /** One meeting's return instead of a quarter's (the meeting screen links here). */
  meeting: IdSchema.optional().catch(undefined),
});
/** The screen's URL search, as validated. */
export type DataReturnSearch = z.infer<typeof DataReturnSearchSchema>;

/** The quarter holding `today` and the seven before it, newest first. */
export function recentQuarters(today: string, count = 8): Quarter[] {
  const [y, m] = today.split('-').map(Number) as [number, number];
  let index = y * 4 + Math.floor((m - 1) / 3);
  const quarters: Quarter[] = [];
  for (let i = 0; i < count; i += 1, index -= 1) {
    quarters.push(quarterOf(`${String(Math.floor(index / 4))}-${String((index % 4) * 3 + 1).padStart(2, '0')}-01`));
  }
  return quarters;
}
