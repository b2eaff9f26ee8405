/** Registers the admin routes declared in domain/http. */
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../context/server-context.ts';
import { registerAgencyRoutes } from './agency-routes.ts';
import { registerDeviceRoutes } from './device-routes.ts';
import { registerTeamRoutes } from './team-routes.ts';
import { registerTotpResetRoutes } from './totp-reset-routes.ts';
import { registerUserAdminRoutes } from './user-routes.ts';

/** Registers the admin routes. */
export function registerAdminRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  registerDeviceRoutes(app, ctx);
  registerTotpResetRoutes(app, ctx);
  registerUserAdminRoutes(app, ctx);
  registerTeamRoutes(app, ctx);
  registerAgencyRoutes(app, ctx);
  return Promise.resolve();
}
