/**
 * Who sees a notification (docs/access.md): the users of the agency it is addressed to whose role
 * reads case content, the same users who see that agency's persons in full.
 */
import { readsCases, type PolicyUser } from './policy-user.ts';

/** The parts of a notification the policy looks at. */
export interface PolicyNotification {
  agencyId: string;
}

/** True when the user may see the notification. */
export function canSeeNotification(user: PolicyUser, notification: PolicyNotification): boolean {
  return readsCases(user) && notification.agencyId === user.agencyId;
}
