import { describe, expect, it } from 'vitest';
import { resolveTheme } from './resolve-theme.ts';

describe('resolveTheme', () => {
  it('follows the computer while the choice is "system"', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
  });

  it('keeps a chosen light or dark theme whatever the computer prefers', () => {
    expect(resolveTheme('dark', false)).toBe('dark');
    expect(resolveTheme('light', true)).toBe('light');
  });
});
