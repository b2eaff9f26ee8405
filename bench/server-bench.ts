/**
 * `npm run bench:server`: the API under load from a separate process, side by side with what the
 * same bytes cost without it. Every party has its own process: the Casebridge API over SQLite, a
 * bare Fastify answering one captured authorized page (the ceiling), a bare Fastify running the raw
 * prepared statements for that page (the query's own cost: the audience-row query the API runs, and
 * for comparison the former per-case visibility filter), a bare Fastify running the raw prepared
 * statements of the same sync pull page, and autocannon driving each in turn with a fixed number of
 * connections. The world: 100,000 cases with realistic sharing, of which the
 * benchmark user sees about 10 % (bench/sharing-world.ts), cached on disk between runs.
 *
 * BENCH_DIALECT: `sqlite` (default), `postgres` or `both`. PostgreSQL loads the same world into a
 * database `casebridge_bench` it creates beside `TEST_DATABASE_URL`'s (dropped at the end) and runs
 * the API and the raw statements on it; the raw list page is SQLite's only.
 *
 * Environment: BENCH_SECONDS (per measured run, default 5), BENCH_CONNECTIONS (16), BENCH_ROUNDS
 * (1; each round measures every scenario once, the median round is shown), BENCH_CASES (100000),
 * BENCH_LOG (1: the API serialises its request log to a sink; 0: logger off),
 * BENCH_PROFILE=/me (or another path): after the table, profile the API under that load with
 * `--cpu-prof` and print where its time went.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTokenService } from '../server/auth/token-service.ts';
import type { SharingWorld } from './sharing-world.ts';
import { sameJson } from './server-bench/canonical-json.ts';
import { postgresWorld } from './server-bench/postgres-world.ts';
import { loadTest, startChild, type Child, type LoadResult } from './server-bench/processes.ts';
import { summariseProfile } from './server-bench/profile-summary.ts';
import { worldCopy } from './server-bench/world-cache.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 1);
const TOTAL = Number(process.env.BENCH_CASES ?? 100_000);
const PROFILE = process.env.BENCH_PROFILE;
const DIALECT = process.env.BENCH_DIALECT ?? 'sqlite';
if (!['sqlite', 'postgres', 'both'].includes(DIALECT)) {
  throw new Error('BENCH_DIALECT must be sqlite, postgres or both');
}
const PAGE = 100;
const PULL_LIMIT = 500;
const SECRET = 'bench-secret-that-is-long-enough-for-hs256';

const workDir = mkdtempSync(join(tmpdir(), 'cb-bench-server-'));
const children: Child[] = [];
const cleanups: Array<() => Promise<void>> = [];
try {
  if (DIALECT !== 'postgres') {
    const copy = await worldCopy(TOTAL, workDir);
    console.log(copy.builtNow
      ? `World built in ${copy.buildSeconds.toFixed(1)} s and cached in ${copy.cachedAt}`
      : `World reused from ${copy.cachedAt} (delete it to rebuild)`);
    await runDialect('sqlite', copy.file, copy.world);
  }
  if (DIALECT !== 'sqlite') {
    const adminUrl = process.env.TEST_DATABASE_URL;
    if (adminUrl === undefined) {
      throw new Error('BENCH_DIALECT=postgres needs TEST_DATABASE_URL (its server hosts the casebridge_bench database)');
    }
    const pgWorld = await postgresWorld(adminUrl, TOTAL);
    cleanups.push(() => pgWorld.drop());
    console.log(`\nPostgreSQL world loaded into ${new URL(pgWorld.url).pathname.slice(1)} in ${pgWorld.buildSeconds.toFixed(1)} s`);
    await runDialect('postgres', pgWorld.url, pgWorld.world);
  }
} finally {
  for (const child of children.reverse()) {
    await child.stop();
  }
  for (const cleanup of cleanups) {
    await cleanup();
  }
  rmSync(workDir, { recursive: true, force: true });
}

/** One dialect's run: the API and its references on `where` (a SQLite file or a PostgreSQL URL), the table, the profile. */
async function runDialect(dialect: 'sqlite' | 'postgres', where: string, world: SharingWorld): Promise<void> {
  console.log(`\n== ${dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'} ==`);
  console.log(`${world.total} cases, ${world.visible} visible to the benchmark user; mix: ${Object.entries(world.buckets).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  const own: Child[] = [];
  const start = async (script: string, args: readonly string[]) => {
    const child = await startChild(script, args);
    children.push(child);
    own.push(child);
    return child;
  };
  const apiArgs = [where, join(workDir, `data-${dialect}`), SECRET];
  const api = await start('api-child.ts', apiArgs);
  // The token a desktop holds: bound to its registered device, so the device check runs on every request.
  const token = (await createTokenService(SECRET, 3600).signAccess(world.userId, new Date(), world.deviceId)).token;
  const headers = { authorization: `Bearer ${token}` };
  const pullCursor = Math.floor(world.total / 2);
  const paths = { me: '/me', cases: `/cases?limit=${PAGE}`, pull: `/sync/pull?limit=${PULL_LIMIT}&cursor=${pullCursor}` };

  const pageBody = await fetchOk(api.url + paths.cases, headers);
  const page = JSON.parse(pageBody) as { cases: unknown[]; nextCursor: string | null };
  const pullBody = await fetchOk(api.url + paths.pull, headers);
  const pull = JSON.parse(pullBody) as { changes: unknown[]; hasMore: boolean };
  const visibleCount = await countVisible(api.url, headers);
  console.log(`Authorized page: ${page.cases.length} cases, ${(Buffer.byteLength(pageBody) / 1024).toFixed(1)} KB; walking every page finds ${visibleCount} visible cases`);
  console.log(`Pull from cursor ${pullCursor}: ${PULL_LIMIT} change-log rows scanned, ${pull.changes.length} changes for the user, ${(Buffer.byteLength(pullBody) / 1024).toFixed(1)} KB, hasMore ${pull.hasMore}`);
  if (page.cases.length !== PAGE || !pull.hasMore) {
    throw new Error('the world did not give a full page and a full pull; the figures would not mean what they say');
  }

  const bodyFile = join(workDir, `page-${dialect}.json`);
  writeFileSync(bodyFile, pageBody);
  const bare = await start('bare-child.ts', [bodyFile]);
  const rawPull = await start('raw-pull-child.ts', [where, world.userId, String(pullCursor), String(PULL_LIMIT)]);
  // Abilities depend on the time only through grants, which the world sets years away: the pages compare whole.
  const rawPullBody = await fetchOk(rawPull.url + paths.pull, {});
  console.log(sameJson(rawPullBody, pullBody)
    ? 'The raw pull statements answer the same changes, removals and cursor as the API.'
    : `WARNING: the raw pull's page differs from the API's (${rawPullBody.length} vs ${pullBody.length} bytes)`);

  const scenarios: Array<{ name: string; url: string; headers: Record<string, string>; raw?: number }> = [
    { name: 'bare Fastify, same bytes (ceiling)', url: bare.url + paths.cases, headers: {} },
  ];
  if (dialect === 'sqlite') {
    // The audience-row query the API runs (the list's ÷ raw), and the former per-case filter beside it.
    for (const [mode, name] of [['audience', 'raw prepared statements, same page (audience rows)'], ['filter', 'raw statements, former per-case filter']] as const) {
      const raw = await start('raw-child.ts', [where, world.userId, String(PAGE), mode]);
      const rawBody = await fetchOk(raw.url + paths.cases, {});
      console.log(rawBody === pageBody
        ? `The raw ${mode} statements answer the same bytes as the API.`
        : `WARNING: the raw ${mode} statements' page differs from the API's (${rawBody.length} vs ${pageBody.length} bytes)`);
      scenarios.push({ name, url: raw.url + paths.cases, headers: {} });
    }
  }
  const rawPageIndex = dialect === 'sqlite' ? 1 : undefined;
  scenarios.push(
    { name: 'GET /me', url: api.url + paths.me, headers },
    { name: `GET /cases?limit=${PAGE} (authorized page)`, url: api.url + paths.cases, headers, ...(rawPageIndex === undefined ? {} : { raw: rawPageIndex }) },
    { name: 'raw prepared statements, same pull page', url: rawPull.url + paths.pull, headers: {} },
  );
  scenarios.push({ name: `GET /sync/pull?limit=${PULL_LIMIT}`, url: api.url + paths.pull, headers, raw: scenarios.length - 1 });
  console.log(`\nautocannon, ${CONNECTIONS} connections, ${SECONDS} s per scenario after a 1 s warm-up, ${ROUNDS} round(s)`);
  const rounds = scenarios.map(() => [] as LoadResult[]);
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const [i, s] of scenarios.entries()) {
      await loadTest(s.url, s.headers, 1, CONNECTIONS);
      rounds[i]!.push(await loadTest(s.url, s.headers, SECONDS, CONNECTIONS));
    }
  }
  const results = rounds.map(median);
  const ceiling = results[0]!;
  console.table(scenarios.map((s, i) => {
    const r = results[i]!;
    const raw = s.raw === undefined ? undefined : results[s.raw]!;
    return {
      scenario: s.name, 'req/s': Math.round(r.rps), 'p50 ms': r.p50, 'p99 ms': r.p99,
      'req/s ÷ ceiling': (r.rps / ceiling.rps).toFixed(3), 'req/s ÷ its raw': raw ? (r.rps / raw.rps).toFixed(3) : '',
      'p50 ÷ its raw': raw ? (r.p50 / Math.max(raw.p50, 1)).toFixed(1) : '', failures: r.failures,
    };
  }));
  console.log(`load average after the ${dialect} runs: ${readFileSync('/proc/loadavg', 'utf8').trim()}`);
  if (results.some((r) => r.failures > 0)) {
    process.exitCode = 1;
    console.error('Some requests failed (non-2xx, errors or timeouts): the figures above are not valid.');
  }

  if (PROFILE !== undefined) {
    await api.stop();
    own.splice(own.indexOf(api), 1);
    children.splice(children.indexOf(api), 1);
    const profileDir = join(workDir, `profile-${dialect}`);
    const profiled = await startChild('api-child.ts', apiArgs, ['--cpu-prof', `--cpu-prof-dir=${profileDir}`]);
    await loadTest(profiled.url + PROFILE, headers, 1, CONNECTIONS);
    const r = await loadTest(profiled.url + PROFILE, headers, SECONDS, CONNECTIONS);
    await profiled.stop();
    const file = readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile'));
    if (file === undefined) {
      throw new Error('the profiled server wrote no profile');
    }
    console.log(`\nCPU profile of the API under GET ${PROFILE} (${Math.round(r.rps)} req/s while profiled; the first second is start-up and warm-up):`);
    console.log(summariseProfile(join(profileDir, file)));
  }
  for (const child of own.reverse()) {
    await child.stop();
    children.splice(children.indexOf(child), 1);
  }
}

async function fetchOk(url: string, headers: Record<string, string>): Promise<string> {
  const res = await fetch(url, { headers });
  const text = await res.text();
  if (!res.ok) {
    throw new Error(`${url} answered ${res.status}: ${text.slice(0, 200)}`);
  }
  return text;
}

/** Walks the whole authorized list once, so the report says how many cases the user really sees. */
async function countVisible(base: string, headers: Record<string, string>): Promise<number> {
  let count = 0;
  let cursor: string | null = null;
  do {
    const url: string = `${base}/cases?limit=200${cursor === null ? '' : `&cursor=${cursor}`}`;
    const body = JSON.parse(await fetchOk(url, headers)) as { cases: unknown[]; nextCursor: string | null };
    count += body.cases.length;
    cursor = body.nextCursor;
  } while (cursor !== null);
  return count;
}

function median(results: readonly LoadResult[]): LoadResult {
  const sorted = [...results].sort((a, b) => a.rps - b.rps);
  return sorted[Math.floor(sorted.length / 2)]!;
}
