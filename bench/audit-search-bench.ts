/**
 * `npm run bench:audit-search`: the audit search (`searchAudit`, what `GET /audit/events` runs) over a
 * trail of millions of events on PostgreSQL. Fills a fresh database on TEST_DATABASE_URL (dropped
 * afterwards) with the world of bench/audit-search-bench/search-world.ts, then times the newest page
 * and a page deep in the trail (cursor at the middle seq) for each filter in a data officer's scope
 * (their agency's staff plus every event on the records it owns) and the team manager's, printing
 * p50/p95, the ratio to the unfiltered page, how many events the page held and the indexes EXPLAIN
 * chose (flagging a sequential scan of the events or a sort).
 *
 * Environment: BENCH_SEARCH_EVENTS (default 1000000), BENCH_SEARCH_RUNS (timed runs a page, default 15).
 */
import { CompiledQuery, type Kysely } from 'kysely';
import type { ServerDatabase } from '../db/server/schema.ts';
import { AuditSearchQuerySchema } from '../domain/audit/audit-search.ts';
import type { AuditScope } from '../domain/policy/audit-policy.ts';
import { auditSearchQuery, searchAudit } from '../server/audit/search-audit.ts';
import { openServerDb } from '../server/db/connect.ts';
import { migrateServerDb } from '../server/db/migrate.ts';
import { createTestDatabase } from '../test/support/test-databases.ts';
import { agencySubjects, buildSearchWorld, eventTime, type SearchWorld } from './audit-search-bench/search-world.ts';
import { quantile } from './quantile.ts';

const EVENTS = Number(process.env.BENCH_SEARCH_EVENTS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_SEARCH_RUNS ?? 15);

/** The filters timed, each in a scope; agency 0's data officer unless named. */
function cases(w: SearchWorld, subjects: { personId: string; caseId: string }): Array<{ name: string; scope: AuditScope; query: Record<string, unknown> }> {
  const officer: AuditScope = { kind: 'agency', agencyId: w.agencyIds[0]! };
  const middle = Math.floor(w.total / 2);
  return [
    { name: 'none (own staff + records owned)', scope: officer, query: {} },
    { name: 'user', scope: officer, query: { userId: w.userIds[0] } },
    { name: 'agency (own staff)', scope: officer, query: { agencyId: w.agencyIds[0] } },
    { name: 'agency (partner, on our records)', scope: officer, query: { agencyId: w.agencyIds[1] } },
    { name: 'team', scope: officer, query: { teamId: w.teamIds[0] } },
    { name: 'person', scope: officer, query: { personId: subjects.personId } },
    { name: 'case', scope: officer, query: { caseId: subjects.caseId } },
    { name: 'action (record.update, 7%)', scope: officer, query: { action: 'record.update' } },
    { name: 'action (break-glass, 0.01%)', scope: officer, query: { action: 'record.break_glass_view' } },
    { name: 'category (disclosure, 4%)', scope: officer, query: { category: 'disclosure' } },
    { name: 'dates (one hour mid-trail)', scope: officer, query: { from: eventTime(middle - 1800), to: eventTime(middle + 1800) } },
    { name: 'team manager\'s scope', scope: { kind: 'staff', agencyId: w.agencyIds[0]!, teamIds: [w.teamIds[0]!] }, query: {} },
  ];
}

/** The plan's index names in order, and whether it scans the events sequentially or sorts. */
async function planSummary(db: Kysely<ServerDatabase>, scope: AuditScope, query: Record<string, unknown>): Promise<string> {
  const compiled = auditSearchQuery(db, scope, AuditSearchQuerySchema.parse(query)).compile();
  const result = await db.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`explain (costs off) ${compiled.sql}`, [...compiled.parameters]));
  const lines = result.rows.map((r) => r['QUERY PLAN']);
  const parts: string[] = [];
  for (const line of lines) {
    const index = /(Index Only Scan|Index Scan|Bitmap Index Scan)( Backward)? on (\w+)/.exec(line) ?? /(Index Only Scan|Index Scan)( Backward)? using (\w+)/.exec(line);
    if (index) {
      parts.push(`${index[3]}${index[2] ? '↓' : ''}`);
    }
    const seq = /Seq Scan on (\w+)/.exec(line);
    if (seq) {
      parts.push(`SEQ SCAN ${seq[1]}`);
    }
    if (/(^|->\s*)(Incremental )?Sort\b/.test(line.trim())) {
      parts.push('sort');
    }
  }
  return [...new Set(parts)].join(', ');
}

async function timePage(db: Kysely<ServerDatabase>, scope: AuditScope, query: Record<string, unknown>): Promise<{ p50: number; p95: number; rows: number }> {
  const parsed = AuditSearchQuerySchema.parse(query);
  let rows = (await searchAudit(db, scope, parsed)).events.length; // warm: the first run reads from disk
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now();
    rows = (await searchAudit(db, scope, parsed)).events.length;
    times.push(performance.now() - started);
  }
  return { p50: quantile(times, 0.5), p95: quantile(times, 0.95), rows };
}

const database = await createTestDatabase('postgres');
const opened = openServerDb(database.config);
try {
  await migrateServerDb(opened.db);
  const started = performance.now();
  const world = await buildSearchWorld(opened.db, EVENTS);
  const { rows: [counts] } = await opened.db.executeQuery<{ events: string; scopes: string }>(CompiledQuery.raw(
    'select (select count(*) from audit_events) as events, (select count(*) from audit_event_scopes) as scopes'));
  console.log(`PostgreSQL world: ${Number(counts!.events).toLocaleString('en-GB')} events, ${Number(counts!.scopes).toLocaleString('en-GB')} scope rows, `
    + `built and analysed in ${((performance.now() - started) / 1000).toFixed(0)} s. Pages of 100; ${RUNS} timed runs each after one warm-up.`);
  console.log('"deep" is the page below the middle seq; ratios are p50 against the unfiltered page at the same place.\n');
  console.log(`${'filter'.padEnd(36)}${'newest p50/p95 ms'.padEnd(19)}${'×'.padEnd(7)}${'rows'.padEnd(6)}${'deep p50/p95 ms'.padEnd(18)}${'×'.padEnd(7)}${'rows'.padEnd(6)}plan (newest page)`);
  let base: { newest: number; deep: number } | undefined;
  for (const c of cases(world, await agencySubjects(opened.db, world.agencyIds[0]!))) {
    const newest = await timePage(opened.db, c.scope, { ...c.query, limit: 100 });
    const deep = await timePage(opened.db, c.scope, { ...c.query, limit: 100, cursor: Math.floor(world.total / 2) });
    base ??= { newest: newest.p50, deep: deep.p50 };
    const plan = await planSummary(opened.db, c.scope, { ...c.query, limit: 100 });
    console.log(`${c.name.padEnd(36)}${`${newest.p50.toFixed(1)} / ${newest.p95.toFixed(1)}`.padEnd(19)}${(newest.p50 / base.newest).toFixed(1).padEnd(7)}${String(newest.rows).padEnd(6)}`
      + `${`${deep.p50.toFixed(1)} / ${deep.p95.toFixed(1)}`.padEnd(18)}${(deep.p50 / base.deep).toFixed(1).padEnd(7)}${String(deep.rows).padEnd(6)}${plan}`);
  }
} finally {
  await opened.close();
  await database.drop();
}
