/** Whether a cached marker still shows: the case banner and the person profile leave out warnings past their expiry. */

/**
 * True while `expiresAt` (an ISO time, or null for no expiry) is after `at`. A warning whose expiry
 * cannot be read stays shown: hiding a safety warning is the worse mistake.
 */
export function isMarkerActive(expiresAt: string | null, at: Date): boolean {
  const expiry = expiresAt === null ? Number.NaN : Date.parse(expiresAt);
  return Number.isNaN(expiry) || expiry > at.getTime();
}
