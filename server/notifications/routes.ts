/** Registers `GET /notifications`: what happened to the caller's agency's records, newest first. */
import type { FastifyInstance } from 'fastify';
import { NotificationRecordSchema } from '../../domain/entities/notification.ts';
import { routes } from '../../domain/http/routes.ts';
import { notificationVisibleSql } from '../access/notification-visibility.ts';
import { registerRoute } from '../http/register-route.ts';
import type { ServerContext } from '../context/server-context.ts';
import { listMyNotifications, markAllRead, markRead } from './my-notifications.ts';

/** Registers the notification routes. */
export function registerNotificationRoutes(app: FastifyInstance, ctx: ServerContext): void {
  registerRoute(app, ctx, routes.listNotifications, async ({ query, user }) => {
    const rows = await ctx.db.selectFrom('notifications as n').innerJoin('agencies as a', 'a.id', 'n.from_agency_id')
      .select(['n.id', 'n.kind', 'n.person_id', 'n.case_id', 'n.from_agency_id', 'a.name as from_agency_name', 'n.created_at'])
      .where(notificationVisibleSql(user, 'n')).orderBy('n.created_at', 'desc').orderBy('n.id', 'desc').limit(query.limit).execute();
    return {
      notifications: rows.map((n) => NotificationRecordSchema.parse({
        id: n.id, kind: n.kind, personId: n.person_id, caseId: n.case_id,
        fromAgency: { id: n.from_agency_id, name: n.from_agency_name }, createdAt: n.created_at,
      })),
    };
  });

  registerRoute(app, ctx, routes.listMyNotifications, ({ query, user }) => listMyNotifications(ctx.db, user, ctx.now().toISOString(), query.limit));
  registerRoute(app, ctx, routes.markNotificationRead, ({ params, user }) => markRead(ctx.db, user, ctx.now().toISOString(), params.id));
  registerRoute(app, ctx, routes.markAllNotificationsRead, ({ user }) => markAllRead(ctx.db, user, ctx.now().toISOString()));
}
