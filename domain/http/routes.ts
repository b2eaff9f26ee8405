/** Every HTTP route of the cloud API, declared once; the server and the desktop client derive from it. */
import { z } from 'zod';
import { adminRoutes } from './admin-routes.ts';
import { auditRoutes } from './audit-routes.ts';
import { authRoutes } from './auth-routes.ts';
import { caseRoutes } from './case-routes.ts';
import { documentRoutes } from './document-routes.ts';
import { notificationRoutes } from './notification-routes.ts';
import { personRoutes } from './person-routes.ts';
import { syncRoutes } from './sync-routes.ts';
import { defineRoute } from './route.ts';

export { LoginBodySchema, TokenPairSchema, type TokenPair } from './auth-routes.ts';

const NoQuery = z.object({}).strict();
const NoBody = z.undefined();

export const routes = {
  health: defineRoute({
    method: 'GET', path: '/health', auth: false, summary: 'Liveness probe',
    query: NoQuery, body: NoBody, response: z.object({ ok: z.literal(true) }),
  }),
  ...authRoutes,
  ...syncRoutes,
  ...auditRoutes,
  ...personRoutes,
  ...caseRoutes,
  ...documentRoutes,
  ...adminRoutes,
  ...notificationRoutes,
} as const;

/** The route table's type. */
export type Routes = typeof routes;
/** A route's name. */
export type RouteName = keyof Routes;
