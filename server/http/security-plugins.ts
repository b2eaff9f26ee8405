/** Security headers, rate limits and body limits for every route (docs/security.md). */
import helmet from 'helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CodedError } from '../../domain/errors.ts';

/**
 * Limits per client IP and minute. The global one is generous because an agency office often
 * shares one NAT address; loopback is exempt from it (the embedded server's own desktop, and test
 * suites that send thousands of in-process requests). The sign-in limit is keyed by IP and
 * username so a crowd behind one address, or a test with many users, is not throttled together.
 */
export const RATE_LIMITS = {
  globalPerIp: 1000,
  signInPerIpAndUsername: 10,
  refreshPerIp: 60,
  windowMs: 60_000,
} as const;

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);
/** Routes that check a password: strict limit keyed by IP and username, loopback included. */
const SIGN_IN_ROUTES = new Set(['/auth/login', '/auth/totp/setup']);

/** Registers the security plugins on an app before any route; `signInLimit` is per address, username and minute. */
export async function registerSecurityPlugins(app: FastifyInstance, signInLimit: number): Promise<void> {
  // helmet's middleware, built once: @fastify/helmet builds it again on every request (about 5 % of
  // GET /me under load, bench:server). Every answer, 404s and errors included, gets the headers.
  const securityHeaders = helmet({ contentSecurityPolicy: { directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } } });
  app.addHook('onRequest', (request, reply, next) => {
    securityHeaders(request.raw, reply.raw, (error?: unknown) => {
      next(error === undefined || error instanceof Error ? error : new Error('Setting the security headers failed.'));
    });
  });
  // Runs before the rate-limit plugin's own onRoute hook, giving the auth routes their stricter
  // limits (a route-level limit replaces the global one for that route).
  app.addHook('onRoute', (route) => {
    if (route.method !== 'POST') {
      return;
    }
    if (SIGN_IN_ROUTES.has(route.url)) {
      // preHandler, not onRequest: the key needs the parsed body's username.
      route.config = { ...route.config, rateLimit: { max: signInLimit, hook: 'preHandler', keyGenerator: signInKey, allowList: () => false } };
    } else if (route.url === '/auth/refresh') {
      route.config = { ...route.config, rateLimit: { max: RATE_LIMITS.refreshPerIp, allowList: () => false } };
    }
  });
  await app.register(rateLimit, {
    global: true,
    max: RATE_LIMITS.globalPerIp,
    timeWindow: RATE_LIMITS.windowMs,
    allowList: (request) => LOOPBACK.has(request.ip),
    errorResponseBuilder: (_request, context) => new CodedError('rate_limited', `Too many requests; try again in ${context.after}.`),
  });
}

function signInKey(request: FastifyRequest): string {
  const body: unknown = request.body;
  const username = typeof body === 'object' && body !== null && 'username' in body && typeof body.username === 'string' ? body.username : '';
  return `signin|${request.ip}|${username.trim().toLowerCase().slice(0, 100)}`;
}
