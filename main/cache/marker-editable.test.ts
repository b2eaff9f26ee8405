import { describe, expect, it } from 'vitest';
import { isMarkerEditable } from './marker-editable.ts';

describe('isMarkerEditable', () => {
  it('is true only for an update ability the server gave', () => {
    expect(isMarkerEditable('{"update":true}')).toBe(true);
    expect(isMarkerEditable('{"update":false}')).toBe(false);
    expect(isMarkerEditable(null)).toBe(false);
    expect(isMarkerEditable('not json')).toBe(false);
    expect(isMarkerEditable('{"update":"yes"}')).toBe(false);
  });
});
