/** How an HTTP route is declared once and typed on both sides (server handler and axios client). */
import type { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One route: method, path, whether a bearer token is needed, and zod schemas for each part. */
export interface RouteDef<
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
  A extends boolean = boolean,
> {
  method: HttpMethod;
  path: string;
  auth: A;
  summary: string;
  query: Q;
  body: B;
  response: R;
}

/** Declares a route, keeping its schema types for inference. */
export function defineRoute<Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType, const A extends boolean>(
  def: RouteDef<Q, B, R, A>,
): RouteDef<Q, B, R, A> {
  return def;
}

/** The parsed query type of a route. */
export type RouteQuery<D> = D extends RouteDef<infer Q, z.ZodType, z.ZodType> ? z.infer<Q> : never;
/** The parsed body type of a route. */
export type RouteBody<D> = D extends RouteDef<z.ZodType, infer B, z.ZodType> ? z.infer<B> : never;
/** The response type of a route. */
export type RouteResponse<D> = D extends RouteDef<z.ZodType, z.ZodType, infer R> ? z.infer<R> : never;
