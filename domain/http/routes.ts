/** Every HTTP route of the cloud API, declared once; the server and the desktop client derive from it. */
import { z } from 'zod';
import { adminRoutes } from './admin-routes.ts';
import { auditExportRoutes } from './audit-export-routes.ts';
import { auditRoutes } from './audit-routes.ts';
import { authRoutes } from './auth-routes.ts';
import { accessRequestRoutes } from './access-request-routes.ts';
import { caseRoutes } from './case-routes.ts';
import { caseTypeRoutes, systemSettingRoutes } from './case-type-routes.ts';
import { documentRoutes } from './document-routes.ts';
import { locationRoutes } from './location-routes.ts';
import { maracAreaAdminRoutes } from './marac-area-admin-routes.ts';
import { maracDataReturnRoutes } from './marac-data-return-routes.ts';
import { maracMeetingRoutes } from './marac-meeting-routes.ts';
import { maracRoutes } from './marac-routes.ts';
import { markerRoutes } from './marker-routes.ts';
import { notificationRoutes } from './notification-routes.ts';
import { personRoutes } from './person-routes.ts';
import { reportRoutes } from './report-routes.ts';
import { retentionRoutes } from './retention-routes.ts';
import { defineRoute, NoBody, NoQuery } from './route.ts';
import { sarRoutes } from './sar-routes.ts';
import { syncRoutes } from './sync-routes.ts';
import { taskRoutes } from './task-routes.ts';

export { LoginBodySchema, TokenPairSchema, type TokenPair } from './auth-routes.ts';

export const routes = {
  health: defineRoute({
    method: 'GET', path: '/health', auth: false, summary: 'Liveness probe',
    query: NoQuery, body: NoBody, response: z.object({ ok: z.literal(true) }),
  }),
  ...authRoutes,
  ...syncRoutes,
  ...auditRoutes,
  ...auditExportRoutes,
  ...personRoutes,
  ...locationRoutes,
  ...caseRoutes,
  ...reportRoutes,
  ...taskRoutes,
  ...markerRoutes,
  ...documentRoutes,
  ...accessRequestRoutes,
  ...adminRoutes,
  ...notificationRoutes,
  ...maracRoutes,
  ...maracMeetingRoutes,
  ...sarRoutes,
  ...retentionRoutes,
  ...maracDataReturnRoutes,
  ...maracAreaAdminRoutes,
  ...caseTypeRoutes,
  ...systemSettingRoutes,
} as const;

/** The route table's type. */
export type Routes = typeof routes;
/** A route's name. */
export type RouteName = keyof Routes;
