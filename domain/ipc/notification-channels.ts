/** Notifications to the user's agency, read from the server (they are not part of the offline copy). */
import { z } from 'zod';
import { NotificationRecordSchema } from '../entities/notification.ts';
import { UserNotificationListSchema } from '../entities/user-notification.ts';
import { IdSchema } from '../ids.ts';
import { defineChannel } from './channel.ts';

/** A notification with the person's name when this computer's copy holds the person (null otherwise). */
export const NotificationViewSchema = NotificationRecordSchema.extend({ personName: z.string().nullable() });
/** One notification as the desktop shows it. */
export type NotificationView = z.infer<typeof NotificationViewSchema>;

export const notificationChannels = {
  'notifications.list': defineChannel({ input: z.null(), output: z.object({ notifications: z.array(NotificationViewSchema) }), needsSession: true }),
  /** The user's own notifications (tasks, markers, access requests, sharing) with read state and the unread count. */
  'notifications.mine': defineChannel({ input: z.null(), output: UserNotificationListSchema, needsSession: true }),
  'notifications.markRead': defineChannel({ input: z.object({ id: IdSchema }).strict(), output: z.object({ unread: z.number().int().min(0) }), needsSession: true }),
  'notifications.markAllRead': defineChannel({ input: z.null(), output: z.object({ unread: z.number().int().min(0) }), needsSession: true }),
};

/** The fixed words of a desktop (OS) notification: never a name, title or id, so it is safe on a shared screen. */
export const NOTIFICATION_ALERTS = ['You have a new task', 'You have new notifications'] as const;
/** What the core tells the shell when new notifications arrive: the fixed words only. */
export const NotificationsArrivedSchema = z.object({ message: z.enum(NOTIFICATION_ALERTS) }).strict();
/** The payload of the `notifications.arrived` event. */
export type NotificationsArrived = z.infer<typeof NotificationsArrivedSchema>;
