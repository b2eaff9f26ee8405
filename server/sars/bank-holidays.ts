/**
 * The bank holidays of England and Wales (docs/audit.md, "Due dates"), from `date-holidays`, which
 * works them out by rule — Easter, the May, spring and summer Mondays, substitute days — and lists
 * the one-off days proclaimed so far (2022's jubilee and state funeral, 2023's coronation). Only
 * public and bank holidays count, never observances such as Mother's Day.
 */
import Holidays from 'date-holidays';
import type { BankHolidayCalendar } from '../../domain/sar/working-days.ts';

const englandAndWales = new Holidays('GB', 'ENG');
const byYear = new Map<number, ReadonlySet<string>>();

/** The bank holidays of `year` as YYYY-MM-DD. */
export function bankHolidaysOf(year: number): ReadonlySet<string> {
  let days = byYear.get(year);
  if (!days) {
    days = new Set(englandAndWales.getHolidays(year).filter((h) => h.type === 'public' || h.type === 'bank').map((h) => h.date.slice(0, 10)));
    byYear.set(year, days);
  }
  return days;
}

/** True when `date` is a bank holiday in England and Wales. */
export const englandAndWalesBankHoliday: BankHolidayCalendar = (date) => bankHolidaysOf(Number(date.slice(0, 4))).has(date);
