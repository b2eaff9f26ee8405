/**
 * 0013: `case_short_grams`, an FTS5 index of every one- and two-character piece of each case's
 * reference and title (db/cache/short-grams.ts), so the queue's filters too short for the trigram
 * index (0007) go through an index instead of reading every case. Contentless like 0007's indexes and
 * kept in step by triggers, which call the `case_short_grams` SQL function every cache connection
 * registers (main/cache-worker/cache-functions.ts): a connection without it cannot write a case, rather
 * than write one the index misses. `detail=none`: the filter asks only which cases hold a piece.
 */
import { sql, type Kysely } from 'kysely';
import { SHORT_GRAMS_FUNCTION } from '../short-grams.ts';

const GRAMS = (row: string) => `${SHORT_GRAMS_FUNCTION}(${row}.reference, ${row}.title)`;

/** Creates the index and its triggers, and indexes the cases already cached. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw("CREATE VIRTUAL TABLE case_short_grams USING fts5(grams, content='', contentless_delete=1, detail=none, tokenize='ascii')").execute(db);
  const fill = `INSERT INTO case_short_grams (rowid, grams) VALUES (new.rid, ${GRAMS('new')})`;
  const drop = 'DELETE FROM case_short_grams WHERE rowid = old.rid';
  await sql.raw(`CREATE TRIGGER case_short_grams_ai AFTER INSERT ON cases BEGIN ${fill}; END`).execute(db);
  await sql.raw(`CREATE TRIGGER case_short_grams_ad AFTER DELETE ON cases BEGIN ${drop}; END`).execute(db);
  await sql.raw(`CREATE TRIGGER case_short_grams_au AFTER UPDATE OF reference, title ON cases BEGIN ${drop}; ${fill}; END`).execute(db);
  await sql.raw(`INSERT INTO case_short_grams (rowid, grams) SELECT rid, ${GRAMS('cases')} FROM cases`).execute(db);
}

/** Drops what 0013 created (the triggers first: dropping a virtual table leaves them). */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const suffix of ['ai', 'ad', 'au']) {
    await sql.raw(`DROP TRIGGER case_short_grams_${suffix}`).execute(db);
  }
  await sql.raw('DROP TABLE case_short_grams').execute(db);
}
