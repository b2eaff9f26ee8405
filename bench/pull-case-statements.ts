/**
 * `npm run bench:pull-statements`: in process, on the server benchmark's world (100,000 cases, ~10 %
 * visible), what the visible-cases statement of one sync pull page (500 change-log rows from the
 * middle of the log) costs by how it picks the page's cases, the variants alternating and their
 * medians printed side by side: the 500 scanned ids bound one by one (the first pull), the span of
 * the change log as an `IN` subquery (the pull before), the span's log rows joined to `cases` (the
 * pull now: a case logged twice comes twice), the case list's audience rows instead of the
 * visibility filter, and two floors (the span's case ids from the index alone, and one column read
 * from each case row). Then the whole `pullPage` (no HTTP, no audit) for scale.
 * Environment: BENCH_CASES (100000), BENCH_ROUNDS (60; each round runs every variant 20 times).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { Kysely, sql, SqliteDialect, type SqlBool } from 'kysely';
import type { ServerDatabase } from '../db/server/schema.ts';
import type { PolicyUser } from '../domain/policy/policy-user.ts';
import type { Role } from '../domain/vocabulary.ts';
import { casePrincipals } from '../server/access/case-audience.ts';
import { caseVisibleSql } from '../server/access/case-visibility.ts';
import { withStatementCache } from '../server/db/statement-cache.ts';
import { pullPage } from '../server/sync/pull.ts';
import { worldCopy } from './server-bench/world-cache.ts';

const TOTAL = Number(process.env.BENCH_CASES ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 60);
const LIMIT = 500;

const workDir = mkdtempSync(join(tmpdir(), 'cb-bench-pull-'));
try {
  const copy = await worldCopy(TOTAL, workDir);
  const sqlite = new Database(copy.file, { readonly: true });
  const kysely = new Kysely<ServerDatabase>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  const row = sqlite.prepare('select id, agency_id, role from users where id = ?').get(copy.world.userId) as { id: string; agency_id: string; role: Role };
  const teamIds = (sqlite.prepare('select team_id from user_teams where user_id = ? order by team_id').all(row.id) as Array<{ team_id: string }>).map((t) => t.team_id);
  const user: PolicyUser = { id: row.id, agencyId: row.agency_id, role: row.role, teamIds };
  const at = new Date().toISOString();
  const cursor = Math.floor(copy.world.total / 2);
  const scanned = sqlite.prepare('select seq, entity_id from change_log where seq > ? order by seq limit ?').all(cursor, LIMIT) as Array<{ seq: number; entity_id: string }>;
  const upTo = scanned.at(-1)!.seq;
  const ids = scanned.map((r) => r.entity_id);

  const span = sql<SqlBool>`cases.id in (select cl.entity_id from change_log cl where cl.seq > ${cursor} and cl.seq <= ${upTo} and cl.entity || '' = 'case')`;
  const prepared = (where: readonly ReturnType<typeof sql<SqlBool>>[]) => {
    const compiled = where.reduce((q, w) => q.where(w), kysely.selectFrom('cases').selectAll()).compile();
    const statement = sqlite.prepare(compiled.sql);
    return () => statement.all(...compiled.parameters);
  };
  const principals = casePrincipals(user);
  const audience = sql<SqlBool>`(exists (select 1 from case_audience a where a.case_id = cases.id and a.principal in (${sql.join(principals)}))
    or exists (select 1 from access_grants g where g.resource_type = 'case' and g.resource_id = cases.id and g.user_id = ${user.id}
      and g.revoked_at is null and g.expires_at > ${at}))`;
  const floorIds = sqlite.prepare(`select cases.id from cases where cases.id in (select cl.entity_id from change_log cl where cl.seq > ? and cl.seq <= ? and cl.entity || '' = 'case')`);
  const floorColumn = sqlite.prepare(`select cases.sharing_level from cases where cases.id in (select cl.entity_id from change_log cl where cl.seq > ? and cl.seq <= ? and cl.entity || '' = 'case')`);
  const variants: Record<string, () => unknown[]> = {
    '500 ids bound, visibility filter (first)': prepared([sql<SqlBool>`cases.id in (${sql.join(ids)})`, caseVisibleSql(user, at, 'cases')]),
    'span as an IN subquery, visibility filter (before)': prepared([span, caseVisibleSql(user, at, 'cases')]),
    'span in the statement, audience rows + grants': prepared([span, audience]),
    'span joined to cases, visibility filter (now)': (() => {
      const compiled = kysely.selectFrom('change_log as cl').innerJoin('cases', 'cases.id', 'cl.entity_id').selectAll('cases')
        .where('cl.seq', '>', cursor).where('cl.seq', '<=', upTo).where(sql<string>`cl.entity || ''`, '=', 'case')
        .where(caseVisibleSql(user, at, 'cases')).compile();
      const statement = sqlite.prepare(compiled.sql);
      return () => statement.all(...compiled.parameters);
    })(),
    'floor: the span\'s case ids (index only)': () => floorIds.all(cursor, upTo),
    'floor: one column of each case row': () => floorColumn.all(cursor, upTo),
  };
  const counts = Object.fromEntries(Object.entries(variants).map(([name, run]) => [name, run().length]));
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const [name, run] of Object.entries(variants)) {
      const start = process.hrtime.bigint();
      for (let i = 0; i < 20; i += 1) {
        run();
      }
      times[name]!.push(Number(process.hrtime.bigint() - start) / 1e6 / 20);
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const now = median(times['span joined to cases, visibility filter (now)']!);
  console.log(`Pull page from cursor ${cursor}: ${LIMIT} change-log rows; ${ROUNDS} rounds of 20, medians`);
  console.table(Object.keys(variants).map((name) => ({
    statement: name, rows: counts[name], 'median ms': median(times[name]!).toFixed(3), '÷ now': (median(times[name]!) / now).toFixed(2),
  })));

  const pullTimes: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < 10; i += 1) {
      await pullPage(kysely, 'sqlite', { user, cursor, limit: LIMIT, at });
    }
    pullTimes.push(Number(process.hrtime.bigint() - start) / 1e6 / 10);
  }
  console.log(`Whole pullPage (every statement of the page, no HTTP, no audit): median ${median(pullTimes).toFixed(3)} ms`);
  console.log(`load average: ${readFileSync('/proc/loadavg', 'utf8').trim()}`);
  await kysely.destroy();
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
