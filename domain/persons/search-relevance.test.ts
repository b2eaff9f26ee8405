import { describe, expect, it } from 'vitest';
import { searchRelevance } from './search-relevance.ts';

const names = [{ givenName: 'John', familyName: 'Smith' }, { givenName: 'Johnny', familyName: 'Smyth' }];

describe('searchRelevance', () => {
  it('fits prefixes fully and sound-alikes nearly', () => {
    expect(searchRelevance('jo smi', names)).toBe(1);
    expect(searchRelevance('jon smithe', names)).toBeGreaterThan(0.85);
  });

  it('refuses when any word fits no name', () => {
    expect(searchRelevance('john brown', names)).toBeNull();
    expect(searchRelevance('', names)).toBeNull();
  });
});
