import { describe, expect, it } from 'vitest';
import { addressKey, duplicateSearchText, sameAddress } from './same-address.ts';

describe('the same address, however it is written', () => {
  it('ignores case, spacing, punctuation and the postcode space', () => {
    expect(addressKey('12, Marram  Ct.,  RIVERTON , rv29mc')).toBe(addressKey('12 Marram Ct, Riverton, RV2 9MC'));
    expect(addressKey('Flat 2, 12 Marram Ct')).not.toBe(addressKey('12 Marram Ct'));
  });

  it('keeps only the hits with the whole address, the town included', () => {
    const hits = [{ id: 'a', address: '12 Marram Ct, Riverton, RV2 9MC' }, { id: 'b', address: '12 Marram Ct, Dunmore, RV2 9MC' }];
    expect(sameAddress(hits, { addressLine: '12 marram ct', town: 'riverton', postcode: 'RV2 9MC' }).map((h) => h.id)).toEqual(['a']);
    // A place recorded without a town is matched by an address typed without one.
    expect(sameAddress([{ id: 'c', address: '3 Dune Row, RV3 1DR' }], { addressLine: '3 Dune Row', town: ' ', postcode: 'RV3 1DR' }).map((h) => h.id)).toEqual(['c']);
  });

  it('searches by the postcode when there is one, else by the longest word of the street', () => {
    expect(duplicateSearchText({ addressLine: '12 Marram Court', postcode: ' RV2 9MC ' })).toBe('RV2 9MC');
    expect(duplicateSearchText({ addressLine: '12, St. Anne’s Close', postcode: '' })).toBe('Close');
  });
});
