/** Builds the cloud API: a Fastify app over an open database. */
import Fastify, { type FastifyInstance } from 'fastify';
import { routes } from '../domain/http/routes.ts';
import { registerAccessRequestRoutes } from './access-requests/routes.ts';
import { registerAdminRoutes } from './admin/routes.ts';
import { registerAuditExportRoutes } from './audit-exports/routes.ts';
import { registerAuditRoutes } from './audit/routes.ts';
import { registerAuthRoutes } from './sign-in/routes.ts';
import { registerCaseRoutes } from './cases/routes.ts';
import { registerDocumentRoutes } from './documents/routes.ts';
import { RATE_LIMITS, registerSecurityPlugins } from './http/security-plugins.ts';
import { registerLocationRoutes } from './locations/routes.ts';
import { registerMaracDataReturnRoutes } from './marac/data-return/routes.ts';
import { registerMaracMeetingRoutes } from './marac/meetings/routes.ts';
import { registerMaracRoutes } from './marac/routes.ts';
import { registerRetentionRoutes } from './retention/routes.ts';
import { registerCaseTypeRoutes } from './case-types/routes.ts';
import { registerMarkerRoutes } from './markers/routes.ts';
import { registerNotificationRoutes } from './notifications/routes.ts';
import { registerDocsRoutes } from './openapi/routes.ts';
import { registerPersonRoutes } from './persons/routes.ts';
import { registerReportRoutes } from './reports/routes.ts';
import { registerSarRoutes } from './sars/routes.ts';
import { installErrorHandler } from './http/error-handler.ts';
import { loggerOptions, type LogDestination } from './http/log-options.ts';
import { registerRoute } from './http/register-route.ts';
import type { ServerContext } from './context/server-context.ts';
import { registerSyncRoutes } from './sync/routes.ts';
import { registerTaskRoutes } from './tasks/routes.ts';

/** Options that differ between production and tests. */
export interface AppOptions {
  /** Structured request logs (no bodies, no query strings, no personal data). Off in most tests. */
  logger: boolean;
  /** Where the log lines go instead of stdout; tests capture them to check what is logged. */
  logDestination?: LogDestination | undefined;
  /**
   * Sign-ins allowed per minute for one address and username; `RATE_LIMITS.signInPerIpAndUsername`
   * unless given. Only a program that starts the server itself can raise it (the end-to-end world,
   * whose specs sign the same practitioner in dozens of times); no configuration or variable can.
   */
  signInLimit?: number | undefined;
}

/** Creates the HTTP app with every route registered. */
export async function buildApp(ctx: ServerContext, options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ? loggerOptions(options.logDestination) : false,
    bodyLimit: 1_048_576,
    // Only the configured proxies' X-Forwarded-For is believed; from anyone else it is ignored.
    trustProxy: ctx.config.trustProxy && ctx.config.trustProxy.length > 0 ? [...ctx.config.trustProxy] : false,
  });
  installErrorHandler(app);
  await registerSecurityPlugins(app, options.signInLimit ?? RATE_LIMITS.signInPerIpAndUsername);
  registerRoute(app, ctx, routes.health, () => Promise.resolve({ ok: true as const }));
  registerAuthRoutes(app, ctx);
  registerSyncRoutes(app, ctx);
  await registerAuditRoutes(app, ctx);
  registerAuditExportRoutes(app, ctx);
  registerPersonRoutes(app, ctx);
  registerLocationRoutes(app, ctx);
  await registerCaseRoutes(app, ctx);
  registerReportRoutes(app, ctx);
  registerTaskRoutes(app, ctx);
  registerMarkerRoutes(app, ctx);
  await registerDocumentRoutes(app, ctx);
  registerAccessRequestRoutes(app, ctx);
  await registerAdminRoutes(app, ctx);
  registerNotificationRoutes(app, ctx);
  registerMaracRoutes(app, ctx);
  registerMaracMeetingRoutes(app, ctx);
  registerSarRoutes(app, ctx);
  registerRetentionRoutes(app, ctx);
  registerCaseTypeRoutes(app, ctx);
  registerMaracDataReturnRoutes(app, ctx);
  await registerDocsRoutes(app, ctx);
  return app;
}
