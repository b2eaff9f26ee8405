/**
 * 0025: audit exports may be PDF (docs/audit.md, "Exports"). The format's CHECK constraint grows to
 * `csv`, `xlsx`, `pdf`. PostgreSQL swaps the constraint; SQLite cannot alter a CHECK, so the table is
 * rebuilt with its rows, index and every column as 0017 and 0018 left them.
 */
import { sql, type Kysely } from 'kysely';

type Db = Kysely<unknown>;

/** Allows `pdf`. */
export async function up(db: Db): Promise<void> {
  await setFormats(db, ['csv', 'xlsx', 'pdf']);
}

/** Back to CSV and XLSX only; PDF jobs (and their rows) are dropped, their files are the data dir's. */
export async function down(db: Db): Promise<void> {
  await sql`delete from audit_exports where format = 'pdf'`.execute(db);
  await setFormats(db, ['csv', 'xlsx']);
}

async function setFormats(db: Db, formats: readonly string[]): Promise<void> {
  const check = sql.raw(`format in (${formats.map((f) => `'${f}'`).join(', ')})`);
  if (await isPostgres(db)) {
    await sql`alter table audit_exports drop constraint audit_exports_format_check`.execute(db);
    await sql`alter table audit_exports add constraint audit_exports_format_check check (${check})`.execute(db);
    return;
  }
  await sql`create table audit_exports_new (
    id text primary key,
    user_id text not null references users (id),
    agency_id text not null references agencies (id),
    format text not null check (${check}),
    filters text not null,
    reason text not null,
    status text not null check (status in ('running', 'complete', 'failed', 'cancelled', 'removed')),
    rows_written integer not null default 0,
    rows_total integer not null default 0,
    through_seq bigint not null,
    byte_length integer,
    sha256 text,
    created_at text not null,
    finished_at text,
    heartbeat_at text
  )`.execute(db);
  await sql`insert into audit_exports_new (id, user_id, agency_id, format, filters, reason, status, rows_written, rows_total,
    through_seq, byte_length, sha256, created_at, finished_at, heartbeat_at)
    select id, user_id, agency_id, format, filters, reason, status, rows_written, rows_total,
    through_seq, byte_length, sha256, created_at, finished_at, heartbeat_at from audit_exports`.execute(db);
  await sql`drop table audit_exports`.execute(db);
  await sql`alter table audit_exports_new rename to audit_exports`.execute(db);
  await db.schema.createIndex('audit_exports_user_created').on('audit_exports').columns(['user_id', 'created_at']).execute();
}

/** `version()` exists on PostgreSQL only (as in 0003): a failed prepare on SQLite changes nothing. */
async function isPostgres(db: Db): Promise<boolean> {
  try {
    const { rows } = await sql<{ v: string }>`select version() as v`.execute(db);
    return rows[0]?.v.startsWith('PostgreSQL') ?? false;
  } catch {
    return false;
  }
}
