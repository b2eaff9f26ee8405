/** Short-lived access tokens (HS256 JWT) and opaque refresh tokens stored only as SHA-256 hashes. */
import { createHash, randomBytes } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import { CodedError } from '../../domain/errors.ts';
import type { AccessClaims, TokenService } from '../context/token-service.ts';

const ISSUER = 'casebridge';
const AUDIENCE = 'casebridge-api';

/** Creates the token service from a secret of at least 32 bytes. */
export function createTokenService(secret: string, accessSeconds: number): TokenService {
  // Imported once: given raw bytes, jose imports a new CryptoKey on every sign and verify.
  const key = crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
  // A bad secret fails the first sign or verify; this keeps it from also being an unhandled rejection.
  key.catch(() => undefined);
  async function verifyAccessClaims(token: string, now: Date): Promise<AccessClaims> {
    try {
      const { payload } = await jwtVerify(token, await key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
        currentDate: now,
      });
      if (typeof payload.sub !== 'string' || (payload.did !== undefined && typeof payload.did !== 'string') || typeof payload.ims !== 'number') {
        throw new Error('bad claims');
      }
      return { userId: payload.sub, deviceId: typeof payload.did === 'string' ? payload.did : null, issuedAt: new Date(payload.ims).toISOString() };
    } catch {
      throw new CodedError('authentication_error', 'Your session has expired; sign in again.');
    }
  }
  return {
    async signAccess(userId, now, deviceId) {
      const issuedAt = Math.floor(now.getTime() / 1000);
      const exp = issuedAt + accessSeconds;
      // `ims`: the issue time in milliseconds, so a cut-off (sessions_valid_after) is exact, not to the second.
      const token = await new SignJWT({ ims: now.getTime(), ...(deviceId ? { did: deviceId } : {}) })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(userId)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt(issuedAt)
        .setExpirationTime(exp)
        .sign(await key);
      return { token, expiresAt: new Date(exp * 1000) };
    },
    async verifyAccess(token, now) {
      return (await verifyAccessClaims(token, now)).userId;
    },
    verifyAccessClaims,
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
