/** Every HTTP route of the cloud API, declared once; the server and the desktop client derive from it. */
import { z } from 'zod';
import { SessionUserSchema } from '../entities.ts';
import { PullQuerySchema, PullResponseSchema } from './sync-schemas.ts';
import { defineRoute } from './route.ts';

const NoQuery = z.object({}).strict();
const NoBody = z.undefined();

export const LoginBodySchema = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(512),
  deviceId: z.uuid().optional(),
});

export const TokenPairSchema = z.object({
  accessToken: z.string(),
  accessExpiresAt: z.iso.datetime(),
  refreshToken: z.string(),
  refreshExpiresAt: z.iso.datetime(),
  user: SessionUserSchema,
});
/** What sign-in and refresh return. */
export type TokenPair = z.infer<typeof TokenPairSchema>;

export const routes = {
  health: defineRoute({
    method: 'GET', path: '/health', auth: false, summary: 'Liveness probe',
    query: NoQuery, body: NoBody, response: z.object({ ok: z.literal(true) }),
  }),
  login: defineRoute({
    method: 'POST', path: '/auth/login', auth: false, summary: 'Sign in with username and password',
    query: NoQuery, body: LoginBodySchema, response: TokenPairSchema,
  }),
  refresh: defineRoute({
    method: 'POST', path: '/auth/refresh', auth: false, summary: 'Rotate a refresh token for a new token pair',
    query: NoQuery, body: z.object({ refreshToken: z.string().min(20).max(200) }), response: TokenPairSchema,
  }),
  logout: defineRoute({
    method: 'POST', path: '/auth/logout', auth: true, summary: 'Revoke the refresh token family of this sign-in',
    query: NoQuery, body: z.object({ refreshToken: z.string().min(20).max(200) }), response: z.object({ ok: z.literal(true) }),
  }),
  me: defineRoute({
    method: 'GET', path: '/me', auth: true, summary: 'The signed-in user',
    query: NoQuery, body: NoBody, response: SessionUserSchema,
  }),
  syncPull: defineRoute({
    method: 'GET', path: '/sync/pull', auth: true, summary: 'A page of changes the caller may see since a cursor',
    query: PullQuerySchema, body: NoBody, response: PullResponseSchema,
  }),
} as const;

/** The route table's type. */
export type Routes = typeof routes;
/** A route's name. */
export type RouteName = keyof Routes;
