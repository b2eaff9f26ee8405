/** What the shell shows as an OS notification for a core event: the product name and the fixed alert words, nothing else. */
import type { EventName, EventPayload } from '../../domain/ipc/contract.ts';
import { NotificationsArrivedSchema } from '../../domain/ipc/notification-channels.ts';

/** The OS notification's text. */
export interface OsNotificationText {
  title: 'Casebridge';
  body: string;
  silent: false;
}

/** The OS notification for `notifications.arrived` (re-checked against the fixed words); null for every other event. */
export function osNotificationOf<E extends EventName>(name: E, payload: EventPayload<E>): OsNotificationText | null {
  if (name !== 'notifications.arrived') {
    return null;
  }
  const parsed = NotificationsArrivedSchema.safeParse(payload);
  return parsed.success ? { title: 'Casebridge', body: parsed.data.message, silent: false } : null;
}
