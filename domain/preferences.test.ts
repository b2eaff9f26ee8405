/** Unit tests: preferences keep valid harmless UI fields and drop everything else. */
import { describe, expect, it } from 'vitest';
import { mergePreferences, sanitizePreferences } from './preferences.ts';

describe('sanitizePreferences', () => {
  it('keeps valid fields', () => {
    const prefs = { theme: 'dark', queuePageSize: 100, columnWidths: { title: 320 }, lastFilter: { status: 'open', overdueOnly: true } };
    expect(sanitizePreferences(prefs)).toEqual(prefs);
  });

  it('drops one bad field without resetting the others', () => {
    expect(sanitizePreferences({ theme: 'neon', queuePageSize: 25, columnWidths: { title: 5 } })).toEqual({ queuePageSize: 25 });
  });

  it('never keeps unknown keys, so case data or tokens cannot be stored as preferences', () => {
    const sneaky = { theme: 'light', accessToken: 'eyJ.secret', lastCase: { title: 'Noise at Quillfeather Court' }, lastFilter: { status: 'open', text: 'Jane Doe' } };
    expect(sanitizePreferences(sneaky)).toEqual({ theme: 'light' });
  });

  it('returns nothing for input that is not an object', () => {
    expect(sanitizePreferences(null)).toEqual({});
    expect(sanitizePreferences([1, 2])).toEqual({});
    expect(sanitizePreferences('dark')).toEqual({});
  });
});

describe('mergePreferences', () => {
  it('replaces valid fields, keeps the rest, and ignores invalid patch values', () => {
    expect(mergePreferences({ theme: 'dark', queuePageSize: 50 }, { queuePageSize: 100, theme: 'neon', token: 'x' })).toEqual({ theme: 'dark', queuePageSize: 100 });
  });
});
