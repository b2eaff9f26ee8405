/**
 * The token service keeps the claims of tokens it has verified (server/auth/token-service.ts): a kept
 * token must answer exactly as a service that has never seen it, at every moment, and one character
 * of difference must be verified afresh.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTokenService } from '../../server/auth/token-service.ts';
import type { AccessClaims, TokenService } from '../../server/context/token-service.ts';

const SECRET = 'token-cache-test-secret-long-enough-for-hs256';
const OTHER_SECRET = 'another-secret-that-signs-tokens-we-must-refuse';
const ACCESS_SECONDS = 900;
const T0 = Date.parse('2026-12-06T10:00:00.123Z');

type Outcome = { ok: AccessClaims } | { error: string };

async function outcome(service: TokenService, token: string, now: Date): Promise<Outcome> {
  try {
    return { ok: { ...(await service.verifyAccessClaims(token, now)) } };
  } catch (error) {
    return { error: `${(error as { code?: string }).code}: ${(error as Error).message}` };
  }
}

/** Changes one character of the signature (the last part), keeping it base64url. */
function tampered(token: string, at: number): string {
  const i = token.lastIndexOf('.') + 1 + (at % (token.length - token.lastIndexOf('.') - 1));
  return `${token.slice(0, i)}${token[i] === 'A' ? 'B' : 'A'}${token.slice(i + 1)}`;
}

describe('verified access tokens kept by the token service', () => {
  it('refuses a kept token from its expiry on, to the second, as before it was kept', async () => {
    const service = createTokenService(SECRET, ACCESS_SECONDS);
    const { token, expiresAt } = await service.signAccess('user-1', new Date(T0), 'device-1');
    expect(await outcome(service, token, new Date(T0))).toEqual({ ok: { userId: 'user-1', deviceId: 'device-1', issuedAt: new Date(T0).toISOString() } });
    const lastGoodMs = expiresAt.getTime() - 1;
    expect(await outcome(service, token, new Date(lastGoodMs))).toMatchObject({ ok: { userId: 'user-1' } });
    const refused = { error: 'authentication_error: Your session has expired; sign in again.' };
    expect(await outcome(service, token, expiresAt)).toEqual(refused);
    // A service that never saw the token draws the line at the same instant.
    const fresh = createTokenService(SECRET, ACCESS_SECONDS);
    expect(await outcome(fresh, token, new Date(lastGoodMs))).toMatchObject({ ok: { userId: 'user-1' } });
    expect(await outcome(fresh, token, expiresAt)).toEqual(refused);
  });

  it('refuses a token one character from a kept one, and still accepts the kept one', async () => {
    const service = createTokenService(SECRET, ACCESS_SECONDS);
    const { token } = await service.signAccess('user-2', new Date(T0), null);
    const now = new Date(T0 + 1000);
    expect(await outcome(service, token, now)).toMatchObject({ ok: { userId: 'user-2', deviceId: null } });
    for (let at = 0; at < 8; at += 1) {
      expect(await outcome(service, tampered(token, at), now)).toEqual({ error: 'authentication_error: Your session has expired; sign in again.' });
    }
    expect(await outcome(service, token, now)).toMatchObject({ ok: { userId: 'user-2' } });
  });

  it('answers every token at every moment exactly as a service that has never seen it', async () => {
    const signer = createTokenService(SECRET, ACCESS_SECONDS);
    const stranger = createTokenService(OTHER_SECRET, ACCESS_SECONDS);
    const issued = await Promise.all([0, 1, 2, 3].map(async (i) => {
      const signed = await signer.signAccess(`user-${i}`, new Date(T0 + i * 600_000), i % 2 === 0 ? `device-${i}` : null);
      return { good: signed.token, expiresAt: signed.expiresAt.getTime(), foreign: (await stranger.signAccess(`user-${i}`, new Date(T0 + i * 600_000), null)).token };
    }));
    // A step: one of the tokens (as signed, signed with another secret, tampered or truncated) at a moment
    // from before the first one's issue to past the last one's expiry, or at its own last good millisecond
    // or its first refused one.
    const stepArb = fc.record({
      i: fc.integer({ min: 0, max: 3 }),
      kind: fc.constantFrom('good', 'good', 'foreign', 'tampered', 'truncated'),
      at: fc.nat(),
      moment: fc.oneof(
        fc.integer({ min: -120_000, max: 3 * 600_000 + ACCESS_SECONDS * 1000 + 120_000 }).map((ms) => ({ ms: T0 + ms })),
        fc.constantFrom(-1, 0).map((offset) => ({ offsetFromExpiry: offset })),
      ),
    }).map(({ i, kind, at, moment }): [string, Date] => {
      const { good, foreign, expiresAt } = issued[i]!;
      const token = kind === 'good' ? good : kind === 'foreign' ? foreign : kind === 'tampered' ? tampered(good, at) : good.slice(0, good.length - 1 - (at % 5));
      return [token, new Date('ms' in moment ? moment.ms : expiresAt + moment.offsetFromExpiry)];
    });
    await fc.assert(fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 40 }), async (steps) => {
      const kept = createTokenService(SECRET, ACCESS_SECONDS);
      for (const [token, now] of steps) {
        expect(await outcome(kept, token, now)).toEqual(await outcome(createTokenService(SECRET, ACCESS_SECONDS), token, now));
      }
    }), { numRuns: 150 });
  });
});
