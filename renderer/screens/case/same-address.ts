/**
 * Whether a new place's address is one already on this computer, compared the way people write
 * addresses differently: any case, spacing and punctuation ("12, Marram Ct." is "12 marram ct"), a
 * postcode with or without its space.
 */

/** The address's letters and digits only, lower case: "12 Marram Court, Riverton, RV2 9MC" → "12marramcourtrivertonrv29mc". */
export function addressKey(address: string): string {
  return (address.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join('');
}

/** The new place's parts joined as the offline copy shows a place (street, town, postcode; empty parts left out). */
export function joinedAddress(place: { addressLine: string; town: string; postcode: string }): string {
  return [place.addressLine, place.town, place.postcode].filter((part) => part.trim() !== '').join(', ');
}

/**
 * What to search the offline copy with to find places that may be this one: the postcode when given
 * (the search ignores its space), else the longest word of the street (punctuation could break a
 * longer substring). The hits are then compared with `addressKey`.
 */
export function duplicateSearchText(place: { addressLine: string; postcode: string }): string {
  if (place.postcode.trim() !== '') {
    return place.postcode.trim();
  }
  const words = place.addressLine.match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.reduce((longest, word) => (word.length > longest.length ? word : longest), '');
}

/** The hits whose address is the new place's. */
export function sameAddress<P extends { address: string }>(hits: readonly P[], place: { addressLine: string; town: string; postcode: string }): P[] {
  const key = addressKey(joinedAddress(place));
  return hits.filter((hit) => addressKey(hit.address) === key);
}
