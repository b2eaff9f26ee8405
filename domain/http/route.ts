/** How an HTTP route is declared once and typed on both sides (server handler and axios client). */
import { z } from 'zod';
import { IdSchema } from '../ids.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One route: method, path, whether a bearer token is needed, and zod schemas for each part. */
export interface RouteDef<
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
  A extends boolean = boolean,
  P extends z.ZodType = z.ZodType,
> {
  method: HttpMethod;
  /** Fastify-style path; `:name` segments are parsed by `params`. */
  path: string;
  auth: A;
  summary: string;
  /** OpenAPI tag grouping the route on the docs page. */
  tag?: string;
  params?: P;
  query: Q;
  body: B;
  response: R;
}

/** Declares a route, keeping its schema types for inference. */
export function defineRoute<
  Q extends z.ZodType,
  B extends z.ZodType,
  R extends z.ZodType,
  const A extends boolean,
  P extends z.ZodType = z.ZodObject<Record<string, never>>,
>(def: RouteDef<Q, B, R, A, P>): RouteDef<Q, B, R, A, P> {
  return def;
}

/** The parsed query type of a route. */
export type RouteQuery<D> = D extends RouteDef<infer Q, z.ZodType, z.ZodType> ? z.infer<Q> : never;
/** The parsed body type of a route. */
export type RouteBody<D> = D extends RouteDef<z.ZodType, infer B, z.ZodType> ? z.infer<B> : never;
/** The parsed path-parameter type of a route. */
export type RouteParams<D> = D extends RouteDef<z.ZodType, z.ZodType, z.ZodType, boolean, infer P> ? z.infer<P> : never;
/** The response type of a route. */
export type RouteResponse<D> = D extends RouteDef<z.ZodType, z.ZodType, infer R> ? z.infer<R> : never;

/** The query of a route that takes none. */
export const NoQuery = z.object({}).strict();
/** The body of a route that takes none. */
export const NoBody = z.undefined();
/** Path parameters of routes on one record (`/…/:id`). */
export const IdParams = z.object({ id: IdSchema }).strict();
