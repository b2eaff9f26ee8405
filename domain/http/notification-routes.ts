/** Notifications addressed to the caller's agency. */
import { z } from 'zod';
import { NotificationListQuerySchema, NotificationRecordSchema } from '../entities/notification.ts';
import { UserNotificationListQuerySchema, UserNotificationListSchema } from '../entities/user-notification.ts';
import { defineRoute, IdParams, NoBody, NoQuery } from './route.ts';

/** Marking read carries nothing: an empty object, or no body at all. */
const EmptyBody = z.object({}).strict().optional();

export const notificationRoutes = {
  listNotifications: defineRoute({
    method: 'GET', path: '/notifications', auth: true, tag: 'notifications',
    summary: "The notifications addressed to the caller's agency, newest first (ids and agency names only)",
    query: NotificationListQuerySchema, body: NoBody, response: z.object({ notifications: z.array(NotificationRecordSchema) }),
  }),
  listMyNotifications: defineRoute({
    method: 'GET', path: '/notifications/mine', auth: true, tag: 'notifications',
    summary: "The caller's own notifications (tasks, markers, access requests, sharing), newest first, with read state; only those whose subject the caller may see",
    query: UserNotificationListQuerySchema, body: NoBody, response: UserNotificationListSchema,
  }),
  markNotificationRead: defineRoute({
    method: 'POST', path: '/notifications/mine/:id/read', auth: true, tag: 'notifications',
    summary: 'Mark one of the caller\'s notifications as read (for the caller only)',
    params: IdParams, query: NoQuery, body: EmptyBody, response: z.object({ unread: z.number().int().min(0) }),
  }),
  markAllNotificationsRead: defineRoute({
    method: 'POST', path: '/notifications/mine/read-all', auth: true, tag: 'notifications',
    summary: "Mark all of the caller's notifications as read (for the caller only)",
    query: NoQuery, body: EmptyBody, response: z.object({ unread: z.number().int().min(0) }),
  }),
};
