/** The cache worker's prepared-statement LRU: reuse on a hit, evict the least recently used. */
import { describe, expect, it } from 'vitest';
import { StatementCache } from '../../main/cache-worker/statement-cache.ts';

function counting(capacity: number) {
  const prepared: string[] = [];
  const cache = new StatementCache(capacity, (sql) => {
    prepared.push(sql);
    return { sql };
  });
  return { cache, prepared };
}

describe('StatementCache', () => {
  it('prepares a statement once and returns the same one on later calls', () => {
    const { cache, prepared } = counting(2);
    expect(cache.get('select 1')).toBe(cache.get('select 1'));
    expect(prepared).toEqual(['select 1']);
  });

  it('evicts the least recently used statement when full', () => {
    const { cache, prepared } = counting(2);
    cache.get('a');
    cache.get('b');
    cache.get('a'); // a is now more recent than b
    cache.get('c'); // evicts b
    cache.get('a');
    cache.get('b');
    expect(prepared).toEqual(['a', 'b', 'c', 'b']);
    expect(cache.size).toBe(2);
  });

  it('keeps nothing with capacity 0 and refuses a negative capacity', () => {
    const { cache, prepared } = counting(0);
    cache.get('a');
    cache.get('a');
    expect(prepared).toEqual(['a', 'a']);
    expect(() => new StatementCache(-1, () => 0)).toThrow(RangeError);
  });
});
