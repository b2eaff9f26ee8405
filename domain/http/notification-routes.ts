/** Notifications addressed to the caller's agency. */
import { z } from 'zod';
import { NotificationListQuerySchema, NotificationRecordSchema } from '../entities/notification.ts';
import { defineRoute, NoBody } from './route.ts';


export const notificationRoutes = {
  listNotifications: defineRoute({
    method: 'GET', path: '/notifications', auth: true, tag: 'notifications',
    summary: "The notifications addressed to the caller's agency, newest first (ids and agency names only)",
    query: NotificationListQuerySchema, body: NoBody, response: z.object({ notifications: z.array(NotificationRecordSchema) }),
  }),
};
