import { describe, expect, it } from 'vitest';
import { PreferencesSchema } from '../../../domain/preferences.ts';
import { QUEUE_PAGE_SIZES, THEME_LABELS, idleLockChoices } from './settings-choices.ts';

describe('idleLockChoices', () => {
  it('offers common lengths up to the policy\u2019s longest, and that longest itself', () => {
    expect(idleLockChoices(10, 10)).toEqual([1, 2, 3, 5, 10]);
    expect(idleLockChoices(25, 25)).toEqual([1, 2, 3, 5, 10, 15, 20, 25]);
  });

  it('keeps the length in effect among the choices even when it is not a common one', () => {
    expect(idleLockChoices(15, 7)).toEqual([1, 2, 3, 5, 7, 10, 15]);
  });

  it('never offers more than the policy allows, whatever is in effect', () => {
    expect(Math.max(...idleLockChoices(5, 90))).toBe(5);
  });

  it('offers only lengths the preferences accept, for every policy maximum', () => {
    for (let max = 1; max <= 240; max++) {
      const choices = idleLockChoices(max, max);
      expect(choices.at(-1)).toBe(max);
      for (const minutes of choices) {
        expect(PreferencesSchema.safeParse({ idleLockMinutes: minutes }).success).toBe(true);
      }
    }
  });
});

describe('the other settings choices', () => {
  it('offers only page sizes and themes the preferences accept', () => {
    for (const queuePageSize of QUEUE_PAGE_SIZES) {
      expect(PreferencesSchema.safeParse({ queuePageSize }).success).toBe(true);
    }
    for (const theme of Object.keys(THEME_LABELS)) {
      expect(PreferencesSchema.safeParse({ theme }).success).toBe(true);
    }
  });
});
