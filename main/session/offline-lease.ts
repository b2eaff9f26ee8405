/** The desktop side of the offline lease: when offline use ends, and the typed refusal after it. */
import { decodeJwt } from 'jose';
import { CodedError } from '../../domain/errors.ts';
import type { StoredLease } from '../cache/session-meta.ts';

/** Refusal to open the cache offline (lease expired, missing, or offline use forbidden by policy). */
export class OfflineLeaseError extends CodedError {
  /** Distinguishes the causes for logs and tests; the UI branches on `code`. */
  readonly reason: 'expired' | 'missing' | 'not_allowed';

  constructor(reason: OfflineLeaseError['reason']) {
    super('authentication_error', reason === 'not_allowed'
      ? 'Your organisation does not allow working offline. Connect to the network and sign in.'
      : 'Offline use of this computer has expired. Connect to the network and sign in.');
    this.reason = reason;
  }
}

/**
 * The notAfter to enforce: the server's, capped by the machine policy's `offlineLeaseHours` from now.
 * The signature is not checked here — the desktop cannot (HS256, the secret stays on the server) —
 * see `assertLeaseCurrent` for why the stored value is trusted. Null when the token is unreadable.
 */
export function leaseFromServer(token: string, now: number, policyHours: number): StoredLease | null {
  let exp: number | undefined;
  try {
    exp = decodeJwt(token).exp;
  } catch {
    return null;
  }
  if (typeof exp !== 'number') {
    return null;
  }
  const notAfter = Math.min(exp * 1000, now + policyHours * 3_600_000);
  return { token, notAfter: new Date(notAfter).toISOString() };
}

/**
 * Throws unless offline use is allowed and the stored lease is current. The stored notAfter is
 * trusted because it lives inside the encrypted cache: whoever could rewrite it already holds the
 * cache key and could read the cache without us, so a signature check here would add nothing.
 */
export function assertLeaseCurrent(lease: StoredLease | null, now: number, offlineAllowed: boolean): void {
  if (!offlineAllowed) {
    throw new OfflineLeaseError('not_allowed');
  }
  if (!lease) {
    throw new OfflineLeaseError('missing');
  }
  const notAfter = Date.parse(lease.notAfter);
  if (!Number.isFinite(notAfter) || now >= notAfter) {
    throw new OfflineLeaseError('expired');
  }
}
