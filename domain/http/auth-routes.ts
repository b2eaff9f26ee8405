/** Sign-in, tokens and the current user. */
import { z } from 'zod';
import { SessionUserSchema } from '../entities.ts';
import { defineRoute, NoBody, NoQuery } from './route.ts';
import { NewPasswordSchema } from './user-admin-routes.ts';

/** Refresh tokens are opaque; these bounds only keep junk out. */
const RefreshToken = z.string().min(20).max(200);

export const LoginBodySchema = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(512),
  deviceId: z.uuid().optional(),
  /** The current code from an authenticator app, when the user has (or must have) a second factor. */
  totpCode: z.string().regex(/^\d{6}$/, 'a six-digit code').optional(),
});

/** A new, not yet confirmed second factor: the secret and the URI an authenticator app scans. */
export const TotpEnrolmentSchema = z.object({ secret: z.string(), otpauthUri: z.string() });
/** A new, not yet confirmed second factor. */
export type TotpEnrolment = z.infer<typeof TotpEnrolmentSchema>;
/** A set-up by password also returns a token: only its holder may start that set-up again. */
export const TotpSetupSchema = TotpEnrolmentSchema.extend({ setupToken: z.string() });

export const TokenPairSchema = z.object({
  accessToken: z.string(),
  accessExpiresAt: z.iso.datetime(),
  refreshToken: z.string(),
  refreshExpiresAt: z.iso.datetime(),
  /** A signed `{ sub, device, notAfter }` letting this device open its cache offline until notAfter. */
  offlineLease: z.string().optional(),
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
    query: NoQuery, body: z.object({ refreshToken: RefreshToken, deviceId: z.uuid().optional() }), response: TokenPairSchema,
  }),
  logout: defineRoute({
    method: 'POST', path: '/auth/logout', auth: true, summary: 'Revoke the refresh token family of this sign-in',
    query: NoQuery, body: z.object({ refreshToken: RefreshToken }), response: z.object({ ok: z.literal(true) }),
  }),
  totpEnrol: defineRoute({
    method: 'POST', path: '/auth/totp/enrol', auth: true, summary: 'Start setting up an authenticator app (not active until confirmed)',
    query: NoQuery, body: NoBody, response: TotpEnrolmentSchema,
  }),
  totpConfirm: defineRoute({
    method: 'POST', path: '/auth/totp/confirm', auth: true, summary: 'Confirm the authenticator app with a current code, turning the second factor on',
    query: NoQuery, body: z.object({ code: z.string().regex(/^\d{6}$/, 'a six-digit code') }), response: z.object({ ok: z.literal(true) }),
  }),
  totpSetup: defineRoute({
    method: 'POST', path: '/auth/totp/setup', auth: false,
    summary: 'Start setting up an authenticator app with username and password, when the agency requires one and none is set up; the first sign-in with its code confirms it. A pending set-up is replaced only with the setupToken it returned, or after an admin reset',
    query: NoQuery,
    body: LoginBodySchema.pick({ username: true, password: true }).extend({ setupToken: z.string().min(20).max(200).optional() }),
    response: TotpSetupSchema,
  }),
  changePassword: defineRoute({
    method: 'POST', path: '/auth/password/change', auth: false,
    summary: 'Choose a new password when sign-in answered password_change_required: the current (temporary) password, and the code when a second factor is on; then sign in with the new password',
    query: NoQuery,
    body: LoginBodySchema.pick({ username: true, password: true, totpCode: true }).extend({ newPassword: NewPasswordSchema }).strict(),
    response: z.object({ ok: z.literal(true) }),
  }),
  me: defineRoute({
    method: 'GET', path: '/me', auth: true, summary: 'The signed-in user',
    query: NoQuery, body: NoBody, response: SessionUserSchema,
  }),
} as const;
