/** Short-lived access tokens (HS256 JWT) and opaque refresh tokens stored only as SHA-256 hashes. */
import { createHash, randomBytes } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import { CodedError } from '../../domain/errors.ts';

const ISSUER = 'casebridge';
const AUDIENCE = 'casebridge-api';

/** Issues and checks tokens. */
export interface TokenService {
  /** Signs an access token for a user; returns it with its expiry. */
  signAccess(userId: string, now: Date): Promise<{ token: string; expiresAt: Date }>;
  /** Verifies an access token and returns its user id, or throws `authentication_error`. */
  verifyAccess(token: string, now: Date): Promise<string>;
}

/** Creates the token service from a secret of at least 32 bytes. */
export function createTokenService(secret: string, accessSeconds: number): TokenService {
  const key = new TextEncoder().encode(secret);
  return {
    async signAccess(userId, now) {
      const issuedAt = Math.floor(now.getTime() / 1000);
      const exp = issuedAt + accessSeconds;
      const token = await new SignJWT({})
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(userId)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt(issuedAt)
        .setExpirationTime(exp)
        .sign(key);
      return { token, expiresAt: new Date(exp * 1000) };
    },
    async verifyAccess(token, now) {
      try {
        const { payload } = await jwtVerify(token, key, {
          issuer: ISSUER,
          audience: AUDIENCE,
          algorithms: ['HS256'],
          currentDate: now,
        });
        if (typeof payload.sub !== 'string') {
          throw new Error('no subject');
        }
        return payload.sub;
      } catch {
        throw new CodedError('authentication_error', 'Your session has expired; sign in again.');
      }
    },
  };
}

/** A new opaque refresh token (256 random bits). */
export function newRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The only form in which a refresh token is stored. */
export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
