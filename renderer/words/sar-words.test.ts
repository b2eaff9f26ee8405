import { describe, expect, it } from 'vitest';
import { sarDueNote } from './sar-words.ts';

describe('the words for a due date moved to a working day', () => {
  it('say nothing when the calendar date is a working day', () => {
    expect(sarDueNote({ dueOn: '2026-12-04', calendarDueOn: '2026-12-04' })).toBe('');
  });

  it('name the calendar date and its weekday when it was moved', () => {
    expect(sarDueNote({ dueOn: '2026-12-29', calendarDueOn: '2026-12-26' }))
      .toBe('The time limit ends on Saturday 26 Dec 2026, not a working day: it runs to the next working day.');
  });
});
