/** The offline lease: a signed promise that a device may open its cache offline until `notAfter`. */
import { SignJWT, jwtVerify } from 'jose';
import { CodedError } from '../../domain/errors.ts';

const ISSUER = 'casebridge';
// A distinct audience so a lease can never be accepted as an access token (and vice versa).
const AUDIENCE = 'casebridge-offline-lease';

/** How long a lease lasts unless configured otherwise (docs/sync.md). */
export const DEFAULT_OFFLINE_LEASE_HOURS = 72;

/** What a lease says. */
export interface OfflineLeaseClaims {
  userId: string;
  deviceId: string | null;
  notAfter: Date;
}

/** Signs and checks leases with the server's token secret (HS256, the same secret as access tokens). */
export interface OfflineLeaseSigner {
  /** A lease for this user and device, valid for `hours` from `now`. */
  sign(userId: string, deviceId: string | null, now: Date, hours?: number): Promise<string>;
  /** Verifies a lease's signature and expiry; throws `authentication_error`. */
  verify(lease: string, now: Date): Promise<OfflineLeaseClaims>;
}

/** Creates the signer from the server's JWT secret. */
export function createOfflineLeaseSigner(secret: string): OfflineLeaseSigner {
  const key = new TextEncoder().encode(secret);
  return {
    async sign(userId, deviceId, now, hours = DEFAULT_OFFLINE_LEASE_HOURS) {
      const issuedAt = Math.floor(now.getTime() / 1000);
      const notAfter = issuedAt + Math.round(hours * 3600);
      return new SignJWT({ device: deviceId, notAfter: new Date(notAfter * 1000).toISOString() })
        .setProtectedHeader({ alg: 'HS256', typ: 'offline-lease' })
        .setSubject(userId)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt(issuedAt)
        .setExpirationTime(notAfter)
        .sign(key);
    },
    async verify(lease, now) {
      try {
        const { payload } = await jwtVerify(lease, key, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'], currentDate: now });
        if (typeof payload.sub !== 'string' || typeof payload.exp !== 'number' || (payload.device !== null && typeof payload.device !== 'string')) {
          throw new Error('bad claims');
        }
        return { userId: payload.sub, deviceId: payload.device, notAfter: new Date(payload.exp * 1000) };
      } catch {
        throw new CodedError('authentication_error', 'The offline lease is not valid.');
      }
    },
  };
}
