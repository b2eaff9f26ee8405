import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IdleTimer } from './idle-timer.ts';

describe('IdleTimer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('fires once after the idle time, and activity pushes it back', () => {
    const onIdle = vi.fn();
    const timer = new IdleTimer(1000, onIdle);
    timer.start();
    vi.advanceTimersByTime(900);
    timer.touch();
    vi.advanceTimersByTime(900);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(100);
    expect(onIdle).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(5000);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('a shorter idle time applies at once to a running countdown, and does not start a stopped one', () => {
    const onIdle = vi.fn();
    const timer = new IdleTimer(10 * 60_000, onIdle);
    timer.setDuration(60_000);
    vi.advanceTimersByTime(120_000);
    expect(onIdle).not.toHaveBeenCalled();
    timer.setDuration(10 * 60_000);
    timer.start();
    vi.advanceTimersByTime(5 * 60_000);
    timer.setDuration(60_000);
    vi.advanceTimersByTime(59_000);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1000);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });
});
