/**
 * Working days for statutory deadlines (docs/audit.md, "Due dates"): Monday to Friday, less the bank
 * holidays of a calendar the caller supplies (the server's is England and Wales). Pure calendar
 * dates (YYYY-MM-DD), free of time zones.
 */

/** True when `date` (YYYY-MM-DD) is a bank holiday. */
export type BankHolidayCalendar = (date: string) => boolean;

/** The most days a run of weekends and bank holidays is searched over before the calendar is taken to be broken. */
const MAX_NON_WORKING_RUN = 14;

/** True on a Saturday or Sunday. */
export function isWeekend(date: string): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
}

/** True on a working day: not a weekend, not a bank holiday. */
export function isWorkingDay(date: string, isBankHoliday: BankHolidayCalendar): boolean {
  return !isWeekend(date) && !isBankHoliday(date);
}

/** The day after `date`. */
export function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** `date` itself when it is a working day, otherwise the first working day after it. */
export function workingDayOnOrAfter(date: string, isBankHoliday: BankHolidayCalendar): string {
  let day = date;
  for (let i = 0; i <= MAX_NON_WORKING_RUN; i += 1) {
    if (isWorkingDay(day, isBankHoliday)) {
      return day;
    }
    day = nextDay(day);
  }
  throw new RangeError(`No working day within ${MAX_NON_WORKING_RUN} days of ${date}: the bank-holiday calendar is wrong`);
}
