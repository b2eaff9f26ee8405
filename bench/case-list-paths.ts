/**
 * `npm run bench:case-list`: in process, on the server benchmark's world (100,000 cases, ~10 %
 * visible), what one `listCases` page of 100 costs by path, alternating the variants request by
 * request and printing medians: unfiltered (audience rows) and, for each filter, the audience
 * query carrying the filter (as on the branch before this one) against the per-case filter the
 * list now runs. Then the cost outside the query: building 100 summaries with and without a zod
 * parse per row, and the route's one response parse.
 * Environment: BENCH_CASES (100000), BENCH_ITERATIONS (40 per variant).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect } from 'kysely';
import type { ServerDatabase } from '../db/server/schema.ts';
import { CaseListSchema, CaseSummarySchema } from '../domain/entities/case.ts';
import type { PolicyUser } from '../domain/policy/policy-user.ts';
import type { Role } from '../domain/vocabulary.ts';
import { audiencePageSql, type AudiencePageFilter } from '../server/access/case-audience.ts';
import { filteredCasesPage } from '../server/cases/case-list-filtered.ts';
import { listCases, type CaseListFilter } from '../server/cases/case-list.ts';
import { worldCopy } from './server-bench/world-cache.ts';

const TOTAL = Number(process.env.BENCH_CASES ?? 100_000);
const N = Number(process.env.BENCH_ITERATIONS ?? 40);
const PAGE = 100;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Runs the variants in turn N times (after one warm-up each) and returns each one's median ms. */
async function alternate(variants: Array<() => Promise<unknown>>): Promise<number[]> {
  for (const v of variants) {
    await v();
  }
  const samples = variants.map(() => [] as number[]);
  for (let i = 0; i < N; i += 1) {
    for (const [k, v] of variants.entries()) {
      samples[k]!.push(await time(v));
    }
  }
  return samples.map(median);
}

const workDir = mkdtempSync(join(tmpdir(), 'cb-bench-case-list-'));
try {
  const { file, world } = await worldCopy(TOTAL, workDir);
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  const db = new Kysely<ServerDatabase>({ dialect: new SqliteDialect({ database: sqlite }) });
  const u = sqlite.prepare('select id, agency_id, role from users where id = ?').get(world.userId) as { id: string; agency_id: string; role: Role };
  const teamIds = (sqlite.prepare('select team_id from user_teams where user_id = ?').all(u.id) as Array<{ team_id: string }>).map((t) => t.team_id);
  const user: PolicyUser = { id: u.id, agencyId: u.agency_id, role: u.role, teamIds };
  const at = new Date().toISOString();

  /** The filtered page as the branch before this one ran it: audience keys carrying the filter, then the cases by id. */
  const audienceWithFilter = async (f: AudiencePageFilter) => {
    const keys = (await audiencePageSql(user, at, f)!.execute(db)).rows;
    const ids = keys.slice(0, PAGE).map((k) => k.case_id);
    return ids.length === 0 ? [] : db.selectFrom('cases').selectAll().where('id', 'in', ids).execute();
  };
  const filters: Array<[string, CaseListFilter]> = [
    ['status=open', { status: 'open', limit: PAGE }],
    ['riskLevel=high', { riskLevel: 'high', limit: PAGE }],
    ['ownerAgencyId=own', { ownerAgencyId: user.agencyId, limit: PAGE }],
    ['q=a', { q: 'a', limit: PAGE }],
  ];
  const rows: Array<Record<string, string | number>> = [];
  const [unfiltered] = await alternate([() => listCases(db, user, at, { limit: PAGE })]);
  rows.push({ page: 'unfiltered: listCases (audience rows)', 'median ms': unfiltered!.toFixed(2) });
  for (const [name, f] of filters) {
    const plusOne = { ...f, limit: PAGE + 1 };
    const found = (await filteredCasesPage(db, user, at, plusOne)).length;
    const [aud, per, whole] = await alternate([() => audienceWithFilter(plusOne), () => filteredCasesPage(db, user, at, plusOne), () => listCases(db, user, at, f)]);
    rows.push({ page: `${name}: audience query with the filter (before)`, 'median ms': aud!.toFixed(2), rows: found });
    rows.push({ page: `${name}: per-case filter (now)`, 'median ms': per!.toFixed(2), 'now ÷ before': (per! / aud!).toFixed(2) });
    rows.push({ page: `${name}: listCases now, whole`, 'median ms': whole!.toFixed(2) });
  }
  // Deep in a filtered list: the page after 40 pages of status=open, where seeking to the cursor matters.
  let cursor: string | null = null;
  for (let i = 0; i < 40; i += 1) {
    cursor = (await listCases(db, user, at, { status: 'open', limit: PAGE, ...(cursor === null ? {} : { cursor }) })).nextCursor;
  }
  if (cursor !== null) {
    const [updatedAt, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|') as [string, string];
    const deep = { status: 'open', after: { updatedAt, id }, limit: PAGE + 1 };
    const [aud, per] = await alternate([() => audienceWithFilter(deep), () => filteredCasesPage(db, user, at, deep)]);
    rows.push({ page: 'status=open, page 41: audience query with the filter (before)', 'median ms': aud!.toFixed(2) });
    rows.push({ page: 'status=open, page 41: per-case filter (now)', 'median ms': per!.toFixed(2), 'now ÷ before': (per! / aud!).toFixed(2) });
  }
  console.log(`listCases in process, ${N} alternating runs per variant, page ${PAGE}, ${world.visible} of ${world.total} cases visible`);
  console.table(rows);

  const page = await listCases(db, user, at, { limit: PAGE });
  const [built, parsedRows, response] = await alternate([
    () => Promise.resolve(page.cases.map((c) => ({ ...c }))),
    () => Promise.resolve(page.cases.map((c) => CaseSummarySchema.parse(c))),
    () => Promise.resolve(CaseListSchema.parse(page)),
  ]);
  console.log('The cost outside the query, 100 summaries (median ms):');
  console.table([
    { step: 'build 100 summaries with types (copy)', 'median ms': built!.toFixed(3) },
    { step: 'zod-parse 100 summaries, one by one (removed)', 'median ms': parsedRows!.toFixed(3) },
    { step: 'the route\'s one response parse (kept)', 'median ms': response!.toFixed(3) },
  ]);
  await db.destroy();
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
