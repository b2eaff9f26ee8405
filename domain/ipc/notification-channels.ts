/** Notifications to the user's agency, read from the server (they are not part of the offline copy). */
import { z } from 'zod';
import { NotificationRecordSchema } from '../entities/notification.ts';
import { defineChannel } from './channel.ts';

/** A notification with the person's name when this computer's copy holds the person (null otherwise). */
export const NotificationViewSchema = NotificationRecordSchema.extend({ personName: z.string().nullable() });
/** One notification as the desktop shows it. */
export type NotificationView = z.infer<typeof NotificationViewSchema>;

export const notificationChannels = {
  'notifications.list': defineChannel({ input: z.null(), output: z.object({ notifications: z.array(NotificationViewSchema) }), needsSession: true }),
};
