/**
 * Notifications to a user (docs/notifications.md): a kind and the ids of what it is about, never
 * text or names. The reader renders the words; the server lists a notification only when the
 * reader's policy sees its subject.
 */
import { z } from 'zod';
import { IdSchema, TimestampSchema } from '../ids.ts';

export const USER_NOTIFICATION_KINDS = [
  'task_assigned', 'task_overdue', 'task_escalated', 'marker_added', 'access_request_to_decide', 'access_decided', 'case_shared',
] as const;
/** What happened, to the reader or their team or agency. */
export type UserNotificationKind = (typeof USER_NOTIFICATION_KINDS)[number];
export const UserNotificationKindSchema = z.enum(USER_NOTIFICATION_KINDS);

export const UserNotificationSchema = z.object({
  id: IdSchema,
  kind: UserNotificationKindSchema,
  caseId: IdSchema.nullable(),
  taskId: IdSchema.nullable(),
  markerId: IdSchema.nullable(),
  accessRequestId: IdSchema.nullable(),
  createdAt: TimestampSchema,
  read: z.boolean(),
});
/** One notification as its reader receives it. */
export type UserNotification = z.infer<typeof UserNotificationSchema>;

export const UserNotificationListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
}).strict();

export const UserNotificationListSchema = z.object({ notifications: z.array(UserNotificationSchema), unread: z.number().int().min(0) });
/** The reader's newest notifications and how many of all theirs are unread. */
export type UserNotificationList = z.infer<typeof UserNotificationListSchema>;

/** The words for a notification, rendered by the reader (no names: the subject is opened by its link). */
export function userNotificationText(kind: UserNotificationKind): string {
  switch (kind) {
    case 'task_assigned': return 'New task for you or your team';
    case 'task_overdue': return 'A task is overdue';
    case 'task_escalated': return 'An overdue task has been escalated to you';
    case 'marker_added': return 'A warning marker was added to someone in your cases';
    case 'access_request_to_decide': return 'An access request is waiting for your decision';
    case 'access_decided': return 'Your access request has been decided';
    case 'case_shared': return 'A case was shared with your agency';
  }
}
