/** 0002: mirror tables for everything the sync pull sends, stable rowids, FTS5 search and queue indexes. */
import { sql, type CreateTableBuilder, type Kysely } from 'kysely';

type Col = [name: string, type: 'text' | 'integer', notNull: boolean];
const t = (name: string): Col => [name, 'text', true];
const n = (name: string): Col => [name, 'text', false];
const i = (name: string): Col => [name, 'integer', true];
const ni = (name: string): Col => [name, 'integer', false];

const CASE_COLUMNS: Col[] = [
  t('reference'), t('title'), t('case_type'), t('status'), n('closure_reason'), t('risk_level'), n('review_date'), t('owner_agency_id'),
  n('owner_team_id'), n('owner_user_id'), t('sharing_level'), t('shared_agency_ids'), t('created_at'), t('updated_at'), i('version'),
];

// Tables with an FTS index get `rid INTEGER PRIMARY KEY` (stable across VACUUM) for the FTS rowid.
const TABLES: Array<{ name: string; rid: boolean; columns: Col[] }> = [
  { name: 'persons', rid: true, columns: [t('given_name'), t('family_name'), n('date_of_birth'), ni('estimated_birth_year'), t('gender'), t('aliases'), n('abilities')] },
  { name: 'case_subjects', rid: false, columns: [t('case_id'), t('person_id'), t('role'), t('created_at')] },
  { name: 'reports', rid: true, columns: [
    t('case_id'), t('kind'), t('title'), t('body'), t('author_user_id'), t('author_agency_id'), n('author_team_id'), t('sharing_level'),
    t('created_at'), t('updated_at'), i('version'), n('abilities'),
  ] },
  { name: 'tasks', rid: false, columns: [
    t('case_id'), t('title'), t('description'), t('assignee_agency_id'), n('assignee_team_id'), n('assignee_user_id'), n('due_date'),
    t('status'), t('created_by'), t('created_at'), t('updated_at'), i('version'), t('updates'), n('abilities'),
  ] },
  { name: 'markers', rid: false, columns: [
    t('subject_type'), t('subject_id'), t('marker_type'), t('description'), t('owner_agency_id'), t('review_date'), n('expires_at'),
    t('created_at'), t('updated_at'), i('version'), n('abilities'),
  ] },
  { name: 'access_requests', rid: false, columns: [
    t('resource_type'), t('resource_id'), t('owner_agency_id'), t('requester_user_id'), t('requester_agency_id'), t('reason'), t('status'),
    n('decided_by'), n('decided_at'), n('decision_note'), n('grant_expires_at'), t('created_at'), i('version'), n('abilities'),
  ] },
  { name: 'documents', rid: false, columns: [
    t('case_id'), n('report_id'), t('file_name'), t('content_type'), i('size_bytes'), t('sha256'), t('owner_agency_id'), n('owner_team_id'),
    t('uploaded_by'), t('sharing_level'), t('created_at'), n('abilities'),
  ] },
];

function withColumns<T extends string>(builder: CreateTableBuilder<T>, rid: boolean, columns: Col[]): CreateTableBuilder<T> {
  let b = rid
    ? builder.addColumn('rid', 'integer', (c) => c.primaryKey()).addColumn('id', 'text', (c) => c.notNull().unique())
    : builder.addColumn('id', 'text', (c) => c.primaryKey());
  for (const [name, type, notNull] of columns) {
    b = b.addColumn(name, type, (c) => (notNull ? c.notNull() : c));
  }
  return b;
}

// Contentless FTS5 (the text lives once, in the mirror table); contentless_delete lets triggers delete by rowid.
const FTS = "content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2'";
const ALIASES = "(SELECT coalesce(group_concat((value ->> '$.givenName') || ' ' || (value ->> '$.familyName'), ' '), '') FROM json_each(new.aliases))";
const SEARCH: Array<{ table: string; fts: string; columns: string; values: string; watched: string; prefix: string }> = [
  { table: 'persons', fts: 'person_fts', columns: 'names, aliases', values: `new.given_name || ' ' || new.family_name, ${ALIASES}`, watched: 'given_name, family_name, aliases', prefix: ", prefix='2 3'" },
  { table: 'cases', fts: 'case_fts', columns: 'reference, title', values: 'new.reference, new.title', watched: 'reference, title', prefix: ", prefix='2 3'" },
  { table: 'reports', fts: 'report_fts', columns: 'title, body', values: 'new.title, new.body', watched: 'title, body', prefix: '' },
];

/** Rebuilds `cases` with `rid` and `abilities`, creates the mirror tables, their indexes and FTS5 tables kept by triggers. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await withColumns(db.schema.createTable('cases_v2'), true, [...CASE_COLUMNS, n('abilities')]).execute();
  const names = sql.join(CASE_COLUMNS.map(([name]) => sql.ref(name)));
  await sql`INSERT INTO cases_v2 (id, ${names}) SELECT id, ${names} FROM cases ORDER BY updated_at, id`.execute(db);
  await db.schema.dropTable('cases').execute();
  await db.schema.alterTable('cases_v2').renameTo('cases').execute();
  for (const table of TABLES) {
    await withColumns(db.schema.createTable(table.name), table.rid, table.columns).execute();
  }
  // The queue: ORDER BY updated_at DESC, id ASC LIMIT n walks this index and stops early.
  await sql`CREATE INDEX cases_queue_idx ON cases (updated_at DESC, id ASC)`.execute(db);
  await db.schema.createIndex('case_subjects_case_idx').on('case_subjects').column('case_id').execute();
  await db.schema.createIndex('case_subjects_person_idx').on('case_subjects').column('person_id').execute();
  await db.schema.createIndex('reports_case_idx').on('reports').column('case_id').execute();
  await db.schema.createIndex('tasks_case_idx').on('tasks').column('case_id').execute();
  await db.schema.createIndex('tasks_status_due_idx').on('tasks').columns(['status', 'due_date']).execute();
  await db.schema.createIndex('markers_subject_idx').on('markers').columns(['subject_type', 'subject_id']).execute();
  await db.schema.createIndex('documents_case_idx').on('documents').column('case_id').execute();
  await db.schema.createIndex('documents_report_idx').on('documents').column('report_id').execute();
  for (const s of SEARCH) {
    await sql.raw(`CREATE VIRTUAL TABLE ${s.fts} USING fts5(${s.columns}, ${FTS}${s.prefix})`).execute(db);
    const fill = `INSERT INTO ${s.fts} (rowid, ${s.columns}) VALUES (new.rid, ${s.values})`;
    const drop = `DELETE FROM ${s.fts} WHERE rowid = old.rid`;
    await sql.raw(`CREATE TRIGGER ${s.fts}_ai AFTER INSERT ON ${s.table} BEGIN ${fill}; END`).execute(db);
    await sql.raw(`CREATE TRIGGER ${s.fts}_ad AFTER DELETE ON ${s.table} BEGIN ${drop}; END`).execute(db);
    await sql.raw(`CREATE TRIGGER ${s.fts}_au AFTER UPDATE OF ${s.watched} ON ${s.table} BEGIN ${drop}; ${fill}; END`).execute(db);
  }
  // Rows carried over from 0001 (only cases had any) enter the index too.
  await sql`INSERT INTO case_fts (rowid, reference, title) SELECT rid, reference, title FROM cases`.execute(db);
}

/** Drops what 0002 created and gives `cases` its 0001 shape back (abilities are lost: they are refetched by sync). */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const s of SEARCH) {
    await sql.raw(`DROP TABLE ${s.fts}`).execute(db); // dropping the tables below drops their triggers
  }
  for (const table of [...TABLES].reverse()) {
    await db.schema.dropTable(table.name).execute();
  }
  const names = sql.join(CASE_COLUMNS.map(([name]) => sql.ref(name)));
  await withColumns(db.schema.createTable('cases_v1'), false, CASE_COLUMNS).execute();
  await sql`INSERT INTO cases_v1 (id, ${names}) SELECT id, ${names} FROM cases`.execute(db);
  await db.schema.dropTable('cases').execute();
  await db.schema.alterTable('cases_v1').renameTo('cases').execute();
  await db.schema.createIndex('cases_updated_at_idx').on('cases').column('updated_at').execute();
}
