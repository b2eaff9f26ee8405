/**
 * Invented names for the demo world: given and family names built from syllables, so they read as
 * UK-flavoured names yet belong to nobody; plus the spelling variants that make near-duplicates.
 */
import type { SeededRandom } from './seeded-random.ts';

/** A person's name as the seed invents it. */
export interface InventedName {
  givenName: string;
  familyName: string;
}

const GIVEN_STARTS = ['Al', 'Bren', 'Cor', 'Dar', 'El', 'Fen', 'Gar', 'Is', 'Jor', 'Kel', 'Lor', 'Mar', 'Nel', 'Or', 'Per', 'Ros', 'Tam', 'Wil', 'Ys', 'Cal'] as const;
const FEMALE_ENDS = ['a', 'ia', 'wen', 'ette', 'ine', 'elle', 'ys', 'anna'] as const;
const MALE_ENDS = ['an', 'en', 'ric', 'on', 'wyn', 'ard', 'ius', 'ek'] as const;
const FAMILY_STARTS = ['Ash', 'Brack', 'Cald', 'Dun', 'Fen', 'Hale', 'Kirk', 'Lang', 'Mor', 'Pen', 'Rad', 'Stan', 'Thorn', 'Wex', 'Quil', 'Yar', 'Orr', 'Gorm'] as const;
const FAMILY_ENDS = ['ford', 'ley', 'wick', 'more', 'by', 'ton', 'well', 'stead', 'ridge', 'holme', 'castle', 'worth', 'acre', 'garth'] as const;
const NICKNAME_ENDS = ['y', 'ie', 'o'] as const;

/** Invents a given name for the gender ('female' or 'male' endings; anything else draws from both). */
export function inventGivenName(random: SeededRandom, gender: string): string {
  const ends = gender === 'female' ? FEMALE_ENDS : gender === 'male' ? MALE_ENDS : random.chance(0.5) ? FEMALE_ENDS : MALE_ENDS;
  return `${random.pick(GIVEN_STARTS)}${random.pick(ends)}`;
}

/** Invents a family name, sometimes double-barrelled. */
export function inventFamilyName(random: SeededRandom): string {
  const one = () => `${random.pick(FAMILY_STARTS)}${random.pick(FAMILY_ENDS)}`;
  return random.chance(0.06) ? `${one()}-${one()}` : one();
}

/** A short form of a given name, as an alias ("Kelwen" → "Kelly"-like "Kely"). */
export function nickname(random: SeededRandom, givenName: string): string {
  return `${givenName.slice(0, Math.min(givenName.length, 3))}${random.pick(NICKNAME_ENDS)}`;
}

/**
 * A misspelling a practitioner might type for the same person: a doubled or dropped letter, or a
 * vowel changed — close enough that the duplicate matcher should offer the original.
 */
export function spellingVariant(random: SeededRandom, name: string): string {
  const at = random.int(2, Math.max(2, name.length - 2));
  const ch = name[at] ?? 'e';
  switch (random.int(0, 2)) {
    case 0:
      return `${name.slice(0, at)}${ch}${name.slice(at)}`;
    case 1:
      return name.length > 4 ? `${name.slice(0, at)}${name.slice(at + 1)}` : `${name}e`;
    default: {
      const vowels = 'aeiou';
      const swapped = vowels.includes(ch) ? vowels[(vowels.indexOf(ch) + 1) % vowels.length]! : 'y';
      return `${name.slice(0, at)}${swapped}${name.slice(at + 1)}`;
    }
  }
}
