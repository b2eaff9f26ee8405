/** What the server context's token service offers; auth/token-service.ts implements it. */

/** Issues and checks tokens. */
export interface TokenService {
  /** Signs an access token for a user (bound to a device when signed in from one); returns it with its expiry. */
  signAccess(userId: string, now: Date, deviceId?: string | null): Promise<{ token: string; expiresAt: Date }>;
  /** Verifies an access token and returns its user id, or throws `authentication_error`. */
  verifyAccess(token: string, now: Date): Promise<string>;
  /** Verifies an access token and returns its user id and device (if bound to one). */
  verifyAccessClaims(token: string, now: Date): Promise<AccessClaims>;
}

/** What a verified access token says. */
export interface AccessClaims {
  userId: string;
  deviceId: string | null;
  /** When the token was issued (ISO, milliseconds: the `ims` claim). */
  issuedAt: string;
}
