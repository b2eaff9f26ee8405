/**
 * The quarters of the SafeLives MARAC data return (docs/marac.md): calendar quarters (Q1 January–March,
 * Q2 April–June, Q3 July–September, Q4 October–December), not financial-year ones; the choice is there.
 */
import { z } from 'zod';

/** A quarter as `YYYY-Qn`, e.g. `2026-Q4` (October to December 2026). */
export const QuarterSchema = z.string().regex(/^\d{4}-Q[1-4]$/, 'a quarter such as 2026-Q4');
/** A calendar quarter, `YYYY-Qn`. */
export type Quarter = z.infer<typeof QuarterSchema>;

/** The first and last calendar dates of a quarter, inclusive. */
export interface QuarterSpan {
  first: string;
  last: string;
}

/** The dates a quarter spans. */
export function quarterSpan(quarter: Quarter): QuarterSpan {
  const year = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(6));
  const firstMonth = (q - 1) * 3 + 1;
  const lastMonth = firstMonth + 2;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { first: `${String(year)}-${pad(firstMonth)}-01`, last: `${String(year)}-${pad(lastMonth)}-${pad(lastDay)}` };
}

/** The quarter a calendar date (`YYYY-MM-DD`) falls in. */
export function quarterOf(date: string): Quarter {
  const month = Number(date.slice(5, 7));
  return `${date.slice(0, 4)}-Q${String(Math.floor((month - 1) / 3) + 1)}`;
}
