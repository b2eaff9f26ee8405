/** Short-lived access tokens (HS256 JWT) and opaque refresh tokens stored only as SHA-256 hashes. */
import { createHash, randomBytes } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import { LRUCache } from 'lru-cache';
import { CodedError } from '../../domain/errors.ts';
import type { AccessClaims, TokenService } from '../context/token-service.ts';

const ISSUER = 'casebridge';
const AUDIENCE = 'casebridge-api';
/** How many verified tokens are kept (about 0.5 KB each): one per signed-in desktop, with room to spare. */
const VERIFIED_TOKENS_KEPT = 10_000;

/** A token jose has verified: its claims, and its expiry in whole seconds as signed (`exp`). */
interface VerifiedToken {
  claims: AccessClaims;
  exp: number;
}

/** Creates the token service from a secret of at least 32 bytes. */
export function createTokenService(secret: string, accessSeconds: number): TokenService {
  // Imported once: given raw bytes, jose imports a new CryptoKey on every sign and verify.
  const key = crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
  // A bad secret fails the first sign or verify; this keeps it from also being an unhandled rejection.
  key.catch(() => undefined);
  // Verified tokens by their exact text, signature included (docs/security.md, "Server"): a
  // desktop sends the same token with every request until it refreshes, and checking its HMAC again
  // was a fifth of `GET /me`'s time under load (docs/security.md). Only the expiry can change a verified
  // token's answer, so a hit is checked against it exactly as jose checks it; anything else about the
  // session (a disabled user, a revoked device, a cut-off) is read from the database on every request.
  const verified = new LRUCache<string, VerifiedToken>({ max: VERIFIED_TOKENS_KEPT });
  async function verifyAccessClaims(token: string, now: Date): Promise<AccessClaims> {
    const hit = verified.get(token);
    if (hit !== undefined) {
      if (hit.exp > Math.floor(now.getTime() / 1000)) {
        return hit.claims;
      }
      verified.delete(token);
      throw expired();
    }
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
      const claims: AccessClaims = Object.freeze({ userId: payload.sub, deviceId: typeof payload.did === 'string' ? payload.did : null, issuedAt: new Date(payload.ims).toISOString() });
      // Our tokens carry an expiry and no "not before" (signAccess); one that differs is verified every time.
      if (typeof payload.exp === 'number' && payload.nbf === undefined) {
        verified.set(token, { claims, exp: payload.exp });
      }
      return claims;
    } catch {
      throw expired();
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

function expired(): CodedError {
  return new CodedError('authentication_error', 'Your session has expired; sign in again.');
}

/** A new opaque refresh token (256 random bits). */
export function newRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The only form in which a refresh token is stored. */
export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
