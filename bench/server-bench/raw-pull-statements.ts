/**
 * The raw pull's prepared statements on either dialect: better-sqlite3 statements prepared once, or
 * node-postgres named statements (prepared once per pooled connection). The visible-cases statement
 * is the API's (`loadCasesLoggedIn`: the cases logged in the scanned span of the change log, picked
 * inside the statement, under the server's visibility SQL `caseVisibleSql`, with the share columns
 * of `pageShareColumns`) compiled once by Kysely
 * for the dialect; `at` and the span are the only values that change per request.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { Kysely, PostgresDialect, sql, SqliteDialect, type SqlBool } from 'kysely';
import pg from 'pg';
import type { ServerDatabase } from '../../db/server/schema.ts';
import type { PolicyUser } from '../../domain/policy/policy-user.ts';
import { caseVisibleSql } from '../../server/access/case-visibility.ts';
import { pageShareColumns } from '../../server/cases/case-page-shares.ts';

/** A case row as the statements read it. */
export interface RawCaseRow {
  id: string; reference: string; title: string; case_type: string; status: string; closure_reason: string | null; risk_level: string;
  review_date: string | null; owner_agency_id: string; owner_team_id: string | null; owner_user_id: string | null; sharing_level: string;
  created_at: string; updated_at: string; version: number;
  shared_agency_ids: string | null; shared_team_ids: string | null; shared_user_ids: string | null; holds_grant_row: number;
}

/** A change-log row as the scan reads it. */
export interface RawChangeRow {
  seq: number | string; entity: string; entity_id: string; op: string; prior: string | null;
}

/** The statements of one page, run inside its read transaction. */
export interface PullRun {
  head(): Promise<Array<{ seq: number | string }>>;
  scan(cursor: number, limit: number): Promise<RawChangeRow[]>;
  /** The visible cases logged after position `after`, up to and including `upTo`. */
  visibleCases(after: number, upTo: number, at: string): Promise<RawCaseRow[]>;
  /** The user's grants on the cases the visible-cases statement flagged. */
  grants(ids: readonly string[]): Promise<Array<{ resource_id: string; user_id: string; expires_at: string; revoked_at: string | null }>>;
}

/** The user's statements. */
export interface PullStatements {
  inTransaction<T>(body: (run: PullRun) => Promise<T>): Promise<T>;
}

/** An open database for the raw pull. */
export interface RawStatements {
  /** Runs one statement once (set-up only); `$1`-style parameters. */
  once(text: string, params: readonly unknown[]): Promise<unknown[]>;
  prepare(user: PolicyUser): PullStatements;
  close(): Promise<void>;
}

const AFTER = '\u0000after';
const UP_TO = '\u0000upTo';
const AT = '\u0000at';

const SQL = {
  head: 'select seq from change_seq where id = 1',
  scan: 'select seq, entity, entity_id, op, prior from change_log where seq > $1 order by seq limit $2',
  grants: `select resource_id, user_id, expires_at, revoked_at from access_grants
    where resource_type = 'case' and user_id = $2 and resource_id in (IDS)`,
};

/** Opens `where` (a SQLite file, read-only, or a `postgres://` URL with a pool of 10, as the API's). */
export async function openRawStatements(where: string): Promise<RawStatements> {
  return where.startsWith('postgres://') ? openPostgres(where) : Promise.resolve(openSqlite(where));
}

/** The visible-cases query for the user, compiled for the dialect: the API's span join, visibility filter and share columns. */
function visibleCasesQuery(db: Kysely<ServerDatabase>, user: PolicyUser) {
  const compiled = db.selectFrom('change_log as cl').innerJoin('cases', 'cases.id', 'cl.entity_id')
    .select(['cases.id', 'cases.reference', 'cases.title', 'cases.case_type', 'cases.status', 'cases.closure_reason', 'cases.risk_level', 'cases.review_date',
      'cases.owner_agency_id', 'cases.owner_team_id', 'cases.owner_user_id', 'cases.sharing_level', 'cases.created_at', 'cases.updated_at', 'cases.version'])
    .select(pageShareColumns(user.id, 'cases.id'))
    .where(sql<SqlBool>`cl.seq > ${AFTER}`).where(sql<SqlBool>`cl.seq <= ${UP_TO}`).where(sql<string>`cl.entity || ''`, '=', 'case')
    .where(caseVisibleSql(user, AT, 'cases')).compile();
  return { sql: compiled.sql, parameters: [...compiled.parameters] };
}

function bind(parameters: readonly unknown[], after: number, upTo: number, at: string): unknown[] {
  return parameters.map((p) => (p === AFTER ? after : p === UP_TO ? upTo : p === AT ? at : p));
}

function openSqlite(file: string): RawStatements {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  const kysely = new Kysely<ServerDatabase>({ dialect: new SqliteDialect({ database: sqlite }) });
  const toSqlite = (text: string) => text.replaceAll(/\$\d+/g, '?').replace('IDS', 'select value from json_each(?)');
  return {
    once: (text, params) => Promise.resolve(sqlite.prepare(toSqlite(text)).all(...params)),
    prepare: (user) => {
      const visible = visibleCasesQuery(kysely, user);
      const s = {
        begin: sqlite.prepare('begin'), commit: sqlite.prepare('commit'), rollback: sqlite.prepare('rollback'),
        head: sqlite.prepare(SQL.head), scan: sqlite.prepare(toSqlite(SQL.scan)), visible: sqlite.prepare(visible.sql),
        grants: sqlite.prepare(toSqlite(SQL.grants)),
      };
      const all = <T>(rows: unknown[]) => Promise.resolve(rows as T[]);
      const run: PullRun = {
        head: () => all(s.head.all()),
        scan: (cursor, limit) => all(s.scan.all(cursor, limit)),
        visibleCases: (after, upTo, at) => all(s.visible.all(...bind(visible.parameters, after, upTo, at))),
        // The SQLite text names the user before the ids.
        grants: (ids) => all(s.grants.all(user.id, JSON.stringify(ids))),
      };
      return {
        inTransaction: async (body) => {
          s.begin.run();
          try {
            const result = await body(run);
            s.commit.run();
            return result;
          } catch (error) {
            s.rollback.run();
            throw error;
          }
        },
      };
    },
    close: () => {
      sqlite.close();
      return Promise.resolve();
    },
  };
}

function openPostgres(url: string): RawStatements {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // A connection dropped while idle (the database dropped at the end) must not crash the child.
  pool.on('error', () => undefined);
  const kysely = new Kysely<ServerDatabase>({ dialect: new PostgresDialect({ pool }) });
  const toPg = (text: string) => text.replace('IDS', 'select unnest($1::text[])');
  return {
    once: async (text, params) => (await pool.query(text, [...params])).rows as unknown[],
    prepare: (user) => {
      const visible = visibleCasesQuery(kysely, user);
      return {
        inTransaction: async (body) => {
          const client = await pool.connect();
          const q = async <T>(name: string, text: string, values: unknown[]) => (await client.query({ name, text, values })).rows as T[];
          const run: PullRun = {
            head: () => q('head', SQL.head, []),
            scan: (cursor, limit) => q('scan', SQL.scan, [cursor, limit]),
            visibleCases: (after, upTo, at) => q('visible', visible.sql, bind(visible.parameters, after, upTo, at)),
            grants: (ids) => q('grants', toPg(SQL.grants), [ids, user.id]),
          };
          try {
            await client.query('start transaction isolation level repeatable read');
            const result = await body(run);
            await client.query('commit');
            return result;
          } catch (error) {
            await client.query('rollback');
            throw error;
          } finally {
            client.release();
          }
        },
      };
    },
    close: () => kysely.destroy(),
  };
}
