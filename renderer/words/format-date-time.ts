/** Dates and times as people in the UK read them. */

/** Where and when to format: the defaults are the user's time zone and the current time. */
export interface FormatContext {
  timeZone?: string;
  now?: Date;
}

// A formatter costs tens of microseconds to build and under one to use; a queue page formats a
// hundred dates at every keystroke, so each kind is built once. The user's time zone is read when it
// is first built (a zone changed while the app runs shows after a restart).
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify(options);
  let built = formatters.get(key);
  if (built === undefined) {
    built = new Intl.DateTimeFormat('en-GB', options);
    formatters.set(key, built);
  }
  return built;
}

function parse(iso: string): Date | null {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

function zoneOption(context: FormatContext): { timeZone?: string } {
  return context.timeZone === undefined ? {} : { timeZone: context.timeZone };
}

/** "25 Nov 2026, 09:30"; an unreadable timestamp is shown as it came. */
export function formatDateTime(iso: string, context: FormatContext = {}): string {
  const date = parse(iso);
  if (!date) {
    return iso;
  }
  return formatter({ dateStyle: 'medium', timeStyle: 'short', ...zoneOption(context) }).format(date);
}

/** "09:30" when the moment is today, "24 Nov, 09:30" otherwise — never a bare time from another day. */
export function formatTimeOfDay(iso: string, context: FormatContext = {}): string {
  const date = parse(iso);
  if (!date) {
    return iso;
  }
  const zone = zoneOption(context);
  const day = formatter({ dateStyle: 'short', ...zone });
  const time = formatter({ hour: '2-digit', minute: '2-digit', ...zone }).format(date);
  if (day.format(date) === day.format(context.now ?? new Date())) {
    return time;
  }
  const dayMonth = formatter({ day: 'numeric', month: 'short', ...zone }).format(date);
  return `${dayMonth}, ${time}`;
}

/** "1 Jan 2027"; a plain date (no time) is that calendar day in every time zone; an unreadable value is shown as it came. */
export function formatDate(iso: string, context: FormatContext = {}): string {
  const plainDate = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  const date = parse(plainDate ? `${iso}T00:00:00Z` : iso);
  if (!date) {
    return iso;
  }
  return formatter({ dateStyle: 'medium', ...(plainDate ? { timeZone: 'UTC' } : zoneOption(context)) }).format(date);
}
