/** Sign-in, tokens and the current user. */
import { z } from 'zod';
import { SessionUserSchema } from '../entities.ts';
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

export const authRoutes = {
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
} as const;
