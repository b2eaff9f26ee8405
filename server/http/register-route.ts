/** Registers a route declared in domain/ with zod parsing of query, body and response. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { RouteDef } from '../../domain/http/route.ts';
import { parseOrThrow } from '../../domain/validation-error.ts';
import type { AuthUser } from '../auth/auth-user.ts';
import { authenticateBeforeBody, authenticatedUser } from './authenticate-first.ts';
import type { ServerContext } from '../context/server-context.ts';

/** What a handler receives: parsed input and, on authenticated routes, the caller. */
export interface RouteInput<Q, B, U, P = Record<string, never>> {
  params: P;
  query: Q;
  body: B;
  user: U;
  request: FastifyRequest;
}

/** The handler of a route: parsed input in, the response (before its schema parse) out. */
export type RouteHandler<D> =
  D extends RouteDef<infer Q, infer B, infer R, infer A, infer P>
    ? (input: RouteInput<z.output<Q>, z.output<B>, A extends true ? AuthUser : null, z.output<P>>) => Promise<z.input<R>>
    : never;

/**
 * Registers a route: authenticates when it says so (before the body is parsed, so an anonymous
 * caller gets 401 rather than a parse error), parses query and body, parses the response.
 */
export function registerRoute<D extends RouteDef>(app: FastifyInstance, ctx: ServerContext, def: D, handler: RouteHandler<D>): void {
  const run = handler as (input: RouteInput<unknown, unknown, AuthUser | null, unknown>) => Promise<unknown>;
  app.route({
    method: def.method,
    url: def.path,
    ...(def.auth ? { preParsing: authenticateBeforeBody(ctx) } : {}),
    handler: async (request, reply) => {
      const user = def.auth ? authenticatedUser(request) : null;
      const params = def.params ? parseOrThrow(def.params, request.params ?? {}, 'path') : {};
      const query = parseOrThrow(def.query, request.query ?? {}, 'query');
      const body = parseOrThrow(def.body, request.body, 'body');
      const result = await run({ params, query, body, user, request });
      // The response schema is the contract: parse so nothing undeclared leaks out.
      return reply.send(def.response.parse(result));
    },
  });
}
