/**
 * Bulk-loads a synthetic practitioner's cache for `npm run bench:cache`: agencies, persons with
 * aliases, cases, case subjects and reports, through raw prepared statements in large transactions
 * (the FTS triggers index them as the app's writes would). Deterministic: the same seed, the same world.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import { CASE_TYPES, RISK_LEVELS } from '../domain/vocabulary.ts';

/** How big the world is. */
export interface CacheWorldSize {
  cases: number;
  subjectsPerCase: number;
  reportsPerCase: number;
  persons: number;
}

const SYLLABLES = ['ash', 'brook', 'cal', 'dun', 'fen', 'gar', 'hol', 'kin', 'lor', 'mar', 'nor', 'pen', 'quil', 'ros', 'stan', 'thorn', 'wick', 'wood', 'ton', 'ley', 'ford', 'by', 'ham', 'well', 'ridge', 'vale', 'mere', 'combe'];
const GIVEN = ['Alex', 'Sam', 'Jordan', 'Casey', 'Robin', 'Morgan', 'Taylor', 'Jamie', 'Riley', 'Avery', 'Quinn', 'Rowan', 'Emery', 'Harper', 'Kai', 'Logan', 'Parker', 'Reese', 'Sage', 'Skyler'];
const ISSUES = ['Noise nuisance', 'Hoarding fire risk', 'Cuckooing concern', 'Street drinking', 'Domestic abuse referral', 'Graffiti', 'Fly-tipping', 'Tenancy breach'];
const WORDS = ['visit', 'neighbour', 'reported', 'door', 'children', 'police', 'council', 'housing', 'concern', 'agreed', 'plan', 'review', 'contact', 'support', 'refused', 'letter', 'warning', 'meeting', 'safe', 'risk'];

/** A small seeded PRNG (mulberry32) so runs are comparable. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A synthetic family or street name from syllables ("Thornwickley"). */
export function syntheticName(rand: () => number): string {
  const parts = 2 + Math.floor(rand() * 2);
  const name = Array.from({ length: parts }, () => SYLLABLES[Math.floor(rand() * SYLLABLES.length)]!).join('');
  return name[0]!.toUpperCase() + name.slice(1);
}

/** A first name from the list. */
export const givenName = (rand: () => number): string => GIVEN[Math.floor(rand() * GIVEN.length)]!;

const uuid = (kind: number, n: number) => `00000000-0000-4000-8${kind.toString(16).padStart(3, '0')}-${n.toString(16).padStart(12, '0')}`;

function inBatches(db: Database.Database, total: number, write: (n: number) => void): void {
  const run = db.transaction((from: number, to: number) => {
    for (let n = from; n < to; n += 1) {
      write(n);
    }
  });
  for (let from = 0; from < total; from += 10_000) {
    run(from, Math.min(total, from + 10_000));
  }
}

/** Loads the world; returns how many rows went in. */
export function loadCacheWorld(db: Database.Database, size: CacheWorldSize, seed = 42): number {
  const rand = seeded(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const words = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const agencies = Array.from({ length: 10 }, (_, i) => uuid(1, i));
  const insertAgency = db.prepare('INSERT INTO agencies (id, name, kind, code) VALUES (?, ?, ?, ?)');
  agencies.forEach((id, i) => insertAgency.run(id, `Bench agency ${i}`, 'council', `BA${i}`));
  const insertPerson = db.prepare(`INSERT INTO persons (id, given_name, family_name, date_of_birth, estimated_birth_year, gender, aliases, abilities)
    VALUES (?, ?, ?, ?, NULL, 'unknown', ?, NULL)`);
  inBatches(db, size.persons, (n) => {
    const aliases = rand() < 0.2 ? [{ givenName: givenName(rand), familyName: syntheticName(rand) }] : [];
    insertPerson.run(uuid(2, n), givenName(rand), syntheticName(rand), `19${50 + Math.floor(rand() * 50)}-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}`, JSON.stringify(aliases));
  });
  const insertCase = db.prepare(`INSERT INTO cases (id, reference, title, case_type, status, closure_reason, risk_level, review_date, owner_agency_id,
    owner_team_id, owner_user_id, sharing_level, shared_agency_ids, created_at, updated_at, version, abilities)
    VALUES (?, ?, ?, ?, ?, NULL, ?, NULL, ?, NULL, NULL, 'owner_agency', '[]', '2026-01-01T00:00:00.000Z', ?, 1, NULL)`);
  const insertSubject = db.prepare("INSERT INTO case_subjects (id, case_id, person_id, role, created_at) VALUES (?, ?, ?, 'subject', '2026-01-01T00:00:00.000Z')");
  const insertReport = db.prepare(`INSERT INTO reports (id, case_id, kind, title, body, author_user_id, author_agency_id, author_team_id, sharing_level,
    created_at, updated_at, version, abilities) VALUES (?, ?, 'contact', ?, ?, ?, ?, NULL, 'case', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', 1, NULL)`);
  inBatches(db, size.cases, (n) => {
    const id = uuid(3, n);
    const updated = new Date(Date.UTC(2026, 0, 1) + Math.floor(rand() * 300 * 86_400_000)).toISOString();
    insertCase.run(id, `BN-2026-${String(n).padStart(6, '0')}`, `${pick(ISSUES)} at ${syntheticName(rand)} ${pick(['Road', 'Court', 'Lane', 'House'])}`,
      pick(CASE_TYPES), rand() < 0.8 ? 'open' : 'closed', pick(RISK_LEVELS), pick(agencies), updated);
    for (let s = 0; s < size.subjectsPerCase; s += 1) {
      insertSubject.run(uuid(4, n * size.subjectsPerCase + s), id, uuid(2, Math.floor(rand() * size.persons)));
    }
    for (let r = 0; r < size.reportsPerCase; r += 1) {
      insertReport.run(uuid(5, n * size.reportsPerCase + r), id, `Contact ${words(2)}`, words(40), uuid(6, 0), pick(agencies));
    }
  });
  return agencies.length + size.persons + size.cases * (1 + size.subjectsPerCase + size.reportsPerCase);
}
