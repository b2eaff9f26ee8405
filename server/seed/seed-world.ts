/** The demo world as the seed builds it in memory: its cases, persons and plans, and the clock helpers. */
import type { AuthUser } from '../auth/auth-user.ts';
import type { PolicyCase } from '../../domain/policy/case-policy.ts';
import type { DefaultCaseType, SubjectRole } from '../../domain/vocabulary.ts';
import type { SeedTarget } from './seed-target.ts';
import type { SeededRandom } from './seeded-random.ts';
import type { SeededAgency, SeededDirectory } from './seed-directory.ts';
import type { InventedName } from './synthetic-names.ts';
import type { TinyFile } from './tiny-files.ts';

/** One day in milliseconds. */
export const DAY_MS = 86_400_000;

/** A seeded case and what the rest of the seed needs to know of it. */
export interface WorldCase {
  id: string;
  index: number;
  reference: string;
  caseType: DefaultCaseType;
  open: boolean;
  hiddenFromSearch: boolean;
  /** When the case was opened (ms). */
  createdAt: number;
  owner: SeededAgency;
  policy: PolicyCase;
  /** The owner-agency user who records its people and most of its work. */
  actor: AuthUser;
  /** Users of partner agencies who can see the case (shared cases only). */
  partners: AuthUser[];
  main: InventedName;
  town: string;
  /** The street address in the title ("12 Tallow Terrace"), used as the main person's home. */
  street: string;
}

/** A seeded person. */
export interface WorldPerson {
  id: string;
  name: InventedName;
  dateOfBirth: string | null;
  gender: string;
  ownerAgencyId: string;
  /** True while one of their cases is not hidden from search (search-and-signpost can find them). */
  searchable: boolean;
  adult: boolean;
}

/** A person placed on a case, with the role and whether the case's actor recorded them. */
export interface CasePerson {
  person: WorldPerson;
  role: SubjectRole;
  recordedHere: boolean;
}

/** A document to upload once the main transaction has committed. */
export interface PlannedDocument {
  caseId: string;
  uploader: AuthUser;
  at: Date;
  file: TinyFile;
}

/** Everything the seed shares while it builds the world. */
export interface World {
  target: SeedTarget;
  random: SeededRandom;
  /** The seeding time (ms); every record is dated at or before it. */
  now: number;
  directory: SeededDirectory;
  persons: WorldPerson[];
  /** Agency id → ids of its hotspot locations (premises several cases share). */
  hotspots: Map<string, string[]>;
  documents: PlannedDocument[];
}

/** The time `minutes` after the case opened, never later than a few minutes before the seeding time. */
export function caseTime(world: World, c: WorldCase, minutes: number): Date {
  return new Date(Math.min(c.createdAt + minutes * 60_000, world.now - 5 * 60_000));
}

/** An ISO date `days` from the seeding time (negative: in the past). */
export function dateFromNow(world: World, days: number): string {
  return new Date(world.now + days * DAY_MS).toISOString().slice(0, 10);
}

/** A date written the en-GB way (25/11/2026). */
export function ukDate(at: Date): string {
  return at.toLocaleDateString('en-GB', { timeZone: 'UTC' });
}

/** The full name of an invented person. */
export function fullName(name: InventedName): string {
  return `${name.givenName} ${name.familyName}`;
}
