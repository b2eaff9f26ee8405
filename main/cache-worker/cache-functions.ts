/**
 * The SQL functions the cache's schema calls, registered on every connection that opens a cache file.
 * The triggers of migration 0013 call `case_short_grams` on every write of a case's reference or title,
 * so a connection without it fails that write ("no such function") instead of leaving the index behind.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import { SHORT_GRAMS_FUNCTION, shortGramTokens } from '../../db/cache/short-grams.ts';

/** Registers the cache's SQL functions on `db`. */
export function registerCacheFunctions(db: Database.Database): void {
  db.function(SHORT_GRAMS_FUNCTION, { deterministic: true, varargs: false }, (reference: unknown, title: unknown) =>
    shortGramTokens(typeof reference === 'string' ? reference : null, typeof title === 'string' ? title : null));
}
