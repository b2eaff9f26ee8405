/**
 * When a subject access request must be answered (docs/audit.md, "Subject access requests"): one
 * calendar month from receipt, the day of receipt counting as day one, so a request received on
 * 3 September is due on 3 October; when the next month has no corresponding day, the last day of
 * that month (received 31 January → due 28 February, or 29th in a leap year). Extendable once by up
 * to two further months, with a reason. When that calendar date falls on a weekend or a bank holiday,
 * the request is due on the next working day (the ICO: "you have until the next working day to
 * respond"). Pure calendar dates (YYYY-MM-DD), free of time zones.
 */
import { addMonths } from '../marac/calendar-dates.ts';
import { workingDayOnOrAfter, type BankHolidayCalendar } from './working-days.ts';

/** The most months an extension may add (UK GDPR Art. 12(3): "a further two months"). */
export const SAR_MAX_EXTENSION_MONTHS = 2;

/** Requests due within this many days (inclusive) of today are "due soon". */
export const SAR_DUE_SOON_DAYS = 7;

/** The date a request received on `receivedOn` is due, before any extension. */
export function sarDueOn(receivedOn: string): string {
  return addMonths(receivedOn, 1);
}

/**
 * The due date after extending by `months` (1 or 2): counted from receipt like the first month, so
 * a request received on 31 January and extended by two months is due on 30 April.
 */
export function sarExtendedDueOn(receivedOn: string, months: number): string {
  if (!Number.isInteger(months) || months < 1 || months > SAR_MAX_EXTENSION_MONTHS) {
    throw new RangeError(`An extension adds 1 to ${SAR_MAX_EXTENSION_MONTHS} months, not ${months}`);
  }
  return addMonths(receivedOn, 1 + months);
}

/** A request's deadline: the statutory calendar date, and the working day it moves to. */
export interface SarDueDates {
  /** One month (plus any extension) from receipt, on the calendar. */
  calendarDueOn: string;
  /** The calendar date, or the next working day when it falls on a weekend or bank holiday. */
  dueOn: string;
}

/** The deadline of a request received on `receivedOn`, extended by `extensionMonths` (null: not extended). */
export function sarDueDates(receivedOn: string, extensionMonths: number | null, isBankHoliday: BankHolidayCalendar): SarDueDates {
  const calendarDueOn = extensionMonths === null ? sarDueOn(receivedOn) : sarExtendedDueOn(receivedOn, extensionMonths);
  return { calendarDueOn, dueOn: workingDayOnOrAfter(calendarDueOn, isBankHoliday) };
}

/** Where an open request stands against its due date on `today`. */
export type SarTimeliness = 'on_time' | 'due_soon' | 'overdue';

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * `overdue` once `today` is after the due date (the due day itself is still in time); `due_soon`
 * when the due date is at most SAR_DUE_SOON_DAYS days away; `on_time` otherwise.
 */
export function sarTimeliness(dueOn: string, today: string): SarTimeliness {
  const left = daysBetween(today, dueOn);
  if (left < 0) {
    return 'overdue';
  }
  return left <= SAR_DUE_SOON_DAYS ? 'due_soon' : 'on_time';
}
