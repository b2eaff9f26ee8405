import { describe, expect, it } from 'vitest';
import { LOCKOUT_WINDOW_MS, lockedUntil } from './lockout.ts';

const MIN = 60_000;
const fail = (at: number) => ({ at, succeeded: false });
const ok = (at: number) => ({ at, succeeded: true });

describe('lockedUntil', () => {
  it('locks for 15 minutes from the fifth failure within 15 minutes', () => {
    expect(lockedUntil([fail(0), fail(1), fail(2), fail(3)])).toBe(0);
    expect(lockedUntil([fail(0), fail(1), fail(2), fail(3), fail(4 * MIN)])).toBe(4 * MIN + LOCKOUT_WINDOW_MS);
  });

  it('does not lock when the failures are spread over more than 15 minutes', () => {
    expect(lockedUntil([0, 5, 10, 15, 20].map((m) => fail(m * MIN)))).toBe(0);
  });

  it('does not extend the lock for attempts made while locked, nor count them afterwards', () => {
    const attempts = [fail(0), fail(1), fail(2), fail(3), fail(4), fail(5 * MIN), fail(10 * MIN), fail(14 * MIN)];
    expect(lockedUntil(attempts)).toBe(4 + LOCKOUT_WINDOW_MS);
  });

  it('starts counting again after a successful sign-in', () => {
    expect(lockedUntil([fail(0), fail(1), fail(2), fail(3), ok(4), fail(5)])).toBe(0);
  });
});
