/**
 * 0007: trigram FTS5 indexes for substring matching. `case_trigram` serves the queue's text filter
 * (anywhere in the reference or title); `person_trigram` serves the person search's substring tier
 * (anywhere in the names or aliases). Both are contentless like the 0002 indexes (the text lives
 * once, in the mirror table) and kept in step by triggers, so every write path — pull pages,
 * removals, the bootstrap swap — maintains them without knowing they exist. Also indexes
 * `cases.case_type` and `cases.owner_agency_id`, which the queue filter matches by label and agency name.
 */
import { sql, type Kysely } from 'kysely';

// case_sensitive 0 folds case the way the filter always did (the filter lower-cased both sides).
const FTS = "content='', contentless_delete=1, tokenize='trigram case_sensitive 0'";
const aliases = (row: string) =>
  `(SELECT coalesce(group_concat((value ->> '$.givenName') || ' ' || (value ->> '$.familyName'), ' '), '') FROM json_each(${row}.aliases))`;
const SEARCH: Array<{ table: string; fts: string; columns: string; values: (row: string) => string; watched: string }> = [
  { table: 'cases', fts: 'case_trigram', columns: 'reference, title', values: (r) => `${r}.reference, ${r}.title`, watched: 'reference, title' },
  { table: 'persons', fts: 'person_trigram', columns: 'names, aliases', values: (r) => `${r}.given_name || ' ' || ${r}.family_name, ${aliases(r)}`, watched: 'given_name, family_name, aliases' },
];

/** Creates the trigram tables, their triggers and the two queue-filter indexes, and indexes the rows already cached. */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const s of SEARCH) {
    await sql.raw(`CREATE VIRTUAL TABLE ${s.fts} USING fts5(${s.columns}, ${FTS})`).execute(db);
    const fill = `INSERT INTO ${s.fts} (rowid, ${s.columns}) VALUES (new.rid, ${s.values('new')})`;
    const drop = `DELETE FROM ${s.fts} WHERE rowid = old.rid`;
    await sql.raw(`CREATE TRIGGER ${s.fts}_ai AFTER INSERT ON ${s.table} BEGIN ${fill}; END`).execute(db);
    await sql.raw(`CREATE TRIGGER ${s.fts}_ad AFTER DELETE ON ${s.table} BEGIN ${drop}; END`).execute(db);
    await sql.raw(`CREATE TRIGGER ${s.fts}_au AFTER UPDATE OF ${s.watched} ON ${s.table} BEGIN ${drop}; ${fill}; END`).execute(db);
    await sql.raw(`INSERT INTO ${s.fts} (rowid, ${s.columns}) SELECT rid, ${s.values(s.table)} FROM ${s.table}`).execute(db);
  }
  await db.schema.createIndex('cases_case_type_idx').on('cases').column('case_type').execute();
  await db.schema.createIndex('cases_owner_agency_idx').on('cases').column('owner_agency_id').execute();
}

/** Drops what 0007 created (dropping a virtual table leaves the triggers, so they go first). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('cases_owner_agency_idx').execute();
  await db.schema.dropIndex('cases_case_type_idx').execute();
  for (const s of SEARCH) {
    for (const suffix of ['ai', 'ad', 'au']) {
      await sql.raw(`DROP TRIGGER ${s.fts}_${suffix}`).execute(db);
    }
    await sql.raw(`DROP TABLE ${s.fts}`).execute(db);
  }
}
