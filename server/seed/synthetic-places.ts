/**
 * Invented addresses for the demo world: made-up street and town names, and postcodes in the
 * fictional `ZZ9` area, which no real address uses. UPRNs and coordinates are left empty on purpose.
 */
import type { SeededRandom } from './seeded-random.ts';

/** An invented address, ready for the create-location body. */
export interface InventedAddress {
  addressLine: string;
  town: string;
  postcode: string;
}

const STREET_STARTS = ['Quillon', 'Brackenmoor', 'Tallow', 'Ferncastle', 'Wexley', 'Orrin', 'Gilder', 'Hollinsgarth', 'Yarrowby', 'Calder', 'Pennick', 'Stanmere'] as const;
const STREET_KINDS = ['Street', 'Road', 'Terrace', 'Lane', 'Row', 'Walk', 'Parade', 'Close', 'Court', 'Drive', 'Mews', 'Crescent'] as const;
const PREMISES = ['The Lantern Tavern', 'Quillon Street Car Wash', 'Brackenmoor Community Centre', 'Tallow Lane Off-Licence', 'Wexley Recreation Ground', 'Orrin House Hostel'] as const;
/** The towns of the fictional county of Northshire. */
export const TOWNS = ['Riverton', 'Ashby Vale', 'Northgate', 'Millbrook', 'Eastwick', 'Hollins Park', 'Carden Heath', 'Lowfield', 'Stonebridge'] as const;
const POSTCODE_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

/** A street name such as "Tallow Terrace". */
export function inventStreet(random: SeededRandom): string {
  return `${random.pick(STREET_STARTS)} ${random.pick(STREET_KINDS)}`;
}

/** A fictional postcode: area ZZ9, district digit, then a valid-looking inward code. */
export function inventPostcode(random: SeededRandom): string {
  const letter = () => POSTCODE_LETTERS[random.int(0, POSTCODE_LETTERS.length - 1)]!;
  return `ZZ9${random.int(1, 9)} ${random.int(1, 9)}${letter()}${letter()}`;
}

/** A public place of concern (a hotspot several cases may share). */
export function inventPremises(random: SeededRandom, town: string): InventedAddress {
  return { addressLine: `${random.pick(PREMISES)}, ${inventStreet(random)}`, town, postcode: inventPostcode(random) };
}
