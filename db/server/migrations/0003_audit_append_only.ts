/**
 * Makes the audit trail append-only in the database itself (docs/audit.md): triggers refuse any
 * UPDATE or DELETE of `audit_events` (and TRUNCATE on PostgreSQL), and refuse moving the audit
 * head backwards or deleting it, on both SQLite and PostgreSQL.
 */
import { sql, type Kysely } from 'kysely';

type Db = Kysely<unknown>;

/** Installs the append-only triggers for the dialect in use. */
export async function up(db: Db): Promise<void> {
  if (await isPostgres(db)) {
    await upPostgres(db);
  } else {
    await upSqlite(db);
  }
}

/** Removes the triggers (and on PostgreSQL the trigger functions). */
export async function down(db: Db): Promise<void> {
  if (await isPostgres(db)) {
    await sql`drop trigger if exists audit_events_append_only on audit_events`.execute(db);
    await sql`drop trigger if exists audit_events_no_truncate on audit_events`.execute(db);
    await sql`drop trigger if exists audit_head_forward_only on audit_head`.execute(db);
    await sql`drop trigger if exists audit_head_no_truncate on audit_head`.execute(db);
    await sql`drop function if exists audit_refuse_change()`.execute(db);
    await sql`drop function if exists audit_head_forward_only()`.execute(db);
    return;
  }
  for (const name of ['audit_events_no_update', 'audit_events_no_delete', 'audit_head_no_rewind', 'audit_head_no_delete']) {
    await sql`drop trigger if exists ${sql.id(name)}`.execute(db);
  }
}

/**
 * `version()` exists on PostgreSQL only. The probe must not fail on PostgreSQL, where a failed
 * statement would abort the migration's transaction; on SQLite a failed prepare changes nothing.
 */
async function isPostgres(db: Db): Promise<boolean> {
  try {
    const { rows } = await sql<{ v: string }>`select version() as v`.execute(db);
    return rows[0]?.v.startsWith('PostgreSQL') ?? false;
  } catch {
    return false;
  }
}

async function upPostgres(db: Db): Promise<void> {
  await sql`
    create or replace function audit_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'insufficient_privilege';
    end $$`.execute(db);
  await sql`
    create trigger audit_events_append_only before update or delete on audit_events
    for each row execute function audit_refuse_change()`.execute(db);
  await sql`
    create trigger audit_events_no_truncate before truncate on audit_events
    for each statement execute function audit_refuse_change()`.execute(db);
  // The head may only move forward; rewinding or deleting it would hide a truncated tail.
  await sql`
    create or replace function audit_head_forward_only() returns trigger language plpgsql as $$
    begin
      if tg_op <> 'UPDATE' or new.seq < old.seq or new.id <> old.id then
        raise exception 'audit_head only moves forward: % refused', tg_op using errcode = 'insufficient_privilege';
      end if;
      return new;
    end $$`.execute(db);
  await sql`
    create trigger audit_head_forward_only before update or delete on audit_head
    for each row execute function audit_head_forward_only()`.execute(db);
  await sql`
    create trigger audit_head_no_truncate before truncate on audit_head
    for each statement execute function audit_refuse_change()`.execute(db);
}

async function upSqlite(db: Db): Promise<void> {
  await sql`
    create trigger audit_events_no_update before update on audit_events
    begin select raise(abort, 'audit_events is append-only: UPDATE refused'); end`.execute(db);
  // A trigger also disables SQLite's truncate optimisation, so an unqualified DELETE is refused too.
  await sql`
    create trigger audit_events_no_delete before delete on audit_events
    begin select raise(abort, 'audit_events is append-only: DELETE refused'); end`.execute(db);
  await sql`
    create trigger audit_head_no_rewind before update on audit_head
    when new.seq < old.seq or new.id <> old.id
    begin select raise(abort, 'audit_head only moves forward: UPDATE refused'); end`.execute(db);
  await sql`
    create trigger audit_head_no_delete before delete on audit_head
    begin select raise(abort, 'audit_head only moves forward: DELETE refused'); end`.execute(db);
}
