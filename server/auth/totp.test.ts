import { describe, expect, it } from 'vitest';
import { hotp, newTotpSecret, totpCode, totpStep, totpUri, verifyTotp } from './totp.ts';

// RFC 4226 appendix D and RFC 6238 appendix B use this ASCII secret.
const RFC_KEY = Buffer.from('12345678901234567890');
const RFC_SECRET_BASE32 = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('totp', () => {
  it('matches the RFC 4226 HOTP test vectors', () => {
    expect([0, 1, 2, 9].map((c) => hotp(RFC_KEY, c))).toEqual(['755224', '287082', '359152', '520489']);
  });

  it('matches the RFC 6238 SHA-1 vectors (last six digits)', () => {
    expect(totpCode(RFC_SECRET_BASE32, new Date(59_000))).toBe('287082');
    expect(totpCode(RFC_SECRET_BASE32, new Date(1_111_111_109_000))).toBe('081804');
    expect(totpCode(RFC_SECRET_BASE32, new Date(2_000_000_000_000))).toBe('279037');
  });

  it('accepts the current code and one step of drift either side, naming the step it matched, and refuses older codes and junk', () => {
    const secret = newTotpSecret();
    const now = new Date('2026-11-01T09:00:15Z');
    const step = totpStep(now);
    expect(step).toBe(Math.floor(Date.parse('2026-11-01T09:00:00Z') / 30_000));
    expect(verifyTotp(secret, totpCode(secret, now), now)).toBe(step);
    expect(verifyTotp(secret, totpCode(secret, new Date(now.getTime() - 30_000)), now)).toBe(step - 1);
    expect(verifyTotp(secret, totpCode(secret, new Date(now.getTime() + 30_000)), now)).toBe(step + 1);
    expect(verifyTotp(secret, totpCode(secret, new Date(now.getTime() - 90_000)), now)).toBeNull();
    expect(verifyTotp(secret, 'abcdef', now)).toBeNull();
    expect(verifyTotp(secret, '1234567', now)).toBeNull();
  });

  it('makes 32-character base32 secrets and an otpauth URI carrying them', () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(totpUri(secret, 'pc.test')).toBe(
      `otpauth://totp/Casebridge:pc.test?secret=${secret}&issuer=Casebridge&algorithm=SHA1&digits=6&period=30`,
    );
  });
});
