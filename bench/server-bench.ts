/**
 * `npm run bench:server`: the API under load from a separate process, side by side with what the
 * same bytes cost without it. Every party has its own process: the Casebridge API over SQLite, a
 * bare Fastify answering one captured authorized page (the ceiling), a bare Fastify running the raw
 * prepared statements for that page (the query's own cost: the audience-row query the API runs, and
 * for comparison the former per-case visibility filter), and autocannon driving each in turn
 * with a fixed number of connections. The world: 100,000 cases with realistic sharing, of which the
 * benchmark user sees about 10 % (bench/sharing-world.ts), cached on disk between runs.
 *
 * Environment: BENCH_SECONDS (per measured run, default 5), BENCH_CONNECTIONS (16), BENCH_ROUNDS
 * (1; each round measures every scenario once, the median round is shown), BENCH_CASES (100000),
 * BENCH_LOG (1: the API serialises its request log to a sink; 0: logger off),
 * BENCH_PROFILE=/me (or another path): after the table, profile the API under that load with
 * `--cpu-prof` and print where its time went.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTokenService } from '../server/auth/token-service.ts';
import { loadTest, startChild, type Child, type LoadResult } from './server-bench/processes.ts';
import { summariseProfile } from './server-bench/profile-summary.ts';
import { worldCopy } from './server-bench/world-cache.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 1);
const TOTAL = Number(process.env.BENCH_CASES ?? 100_000);
const PROFILE = process.env.BENCH_PROFILE;
const PAGE = 100;
const PULL_LIMIT = 500;
const SECRET = 'bench-secret-that-is-long-enough-for-hs256';

const workDir = mkdtempSync(join(tmpdir(), 'cb-bench-server-'));
const children: Child[] = [];
try {
  const copy = await worldCopy(TOTAL, workDir);
  const { world } = copy;
  console.log(copy.builtNow
    ? `World built in ${copy.buildSeconds.toFixed(1)} s and cached in ${copy.cachedAt}`
    : `World reused from ${copy.cachedAt} (delete it to rebuild)`);
  console.log(`${world.total} cases, ${world.visible} visible to the benchmark user; mix: ${Object.entries(world.buckets).map(([k, v]) => `${k} ${v}`).join(', ')}`);

  const apiArgs = [copy.file, join(workDir, 'data'), SECRET];
  const api = await startChild('api-child.ts', apiArgs);
  children.push(api);
  // The token a desktop holds: bound to its registered device, so the device check runs on every request.
  const token = (await createTokenService(SECRET, 3600).signAccess(world.userId, new Date(), world.deviceId)).token;
  const headers = { authorization: `Bearer ${token}` };
  const pullCursor = Math.floor(world.total / 2);
  const paths = { me: '/me', cases: `/cases?limit=${PAGE}`, pull: `/sync/pull?limit=${PULL_LIMIT}&cursor=${pullCursor}` };

  const pageBody = await fetchOk(api.url + paths.cases, headers);
  const page = JSON.parse(pageBody) as { cases: unknown[]; nextCursor: string | null };
  const pull = JSON.parse(await fetchOk(api.url + paths.pull, headers)) as { changes: unknown[]; hasMore: boolean };
  const visibleCount = await countVisible(api.url, headers);
  console.log(`Authorized page: ${page.cases.length} cases, ${(Buffer.byteLength(pageBody) / 1024).toFixed(1)} KB; walking every page finds ${visibleCount} visible cases`);
  console.log(`Pull from cursor ${pullCursor}: ${PULL_LIMIT} change-log rows scanned, ${pull.changes.length} changes for the user, hasMore ${pull.hasMore}`);
  if (page.cases.length !== PAGE || !pull.hasMore) {
    throw new Error('the world did not give a full page and a full pull; the figures would not mean what they say');
  }

  const bodyFile = join(workDir, 'page.json');
  writeFileSync(bodyFile, pageBody);
  const bare = await startChild('bare-child.ts', [bodyFile]);
  children.push(bare);
  const raw = await startChild('raw-child.ts', [copy.file, world.userId, String(PAGE), 'audience']);
  children.push(raw);
  const rawFilter = await startChild('raw-child.ts', [copy.file, world.userId, String(PAGE), 'filter']);
  children.push(rawFilter);
  for (const [name, child] of [['audience-row', raw], ['per-case filter', rawFilter]] as const) {
    const rawBody = await fetchOk(child.url + paths.cases, {});
    console.log(rawBody === pageBody
      ? `The raw ${name} statements answer the same bytes as the API.`
      : `WARNING: the raw ${name} statements' page differs from the API's (${rawBody.length} vs ${pageBody.length} bytes)`);
  }

  const scenarios = [
    { name: 'bare Fastify, same bytes (ceiling)', url: bare.url + paths.cases, headers: {} },
    { name: 'raw prepared statements, same page (audience rows)', url: raw.url + paths.cases, headers: {} },
    { name: 'raw statements, former per-case filter', url: rawFilter.url + paths.cases, headers: {} },
    { name: 'GET /me', url: api.url + paths.me, headers },
    { name: `GET /cases?limit=${PAGE} (authorized page)`, url: api.url + paths.cases, headers },
    { name: `GET /sync/pull?limit=${PULL_LIMIT}`, url: api.url + paths.pull, headers },
  ];
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
  const rawResult = results[1]!;
  console.table(scenarios.map((s, i) => {
    const r = results[i]!;
    return {
      scenario: s.name, 'req/s': Math.round(r.rps), 'p50 ms': r.p50, 'p99 ms': r.p99,
      'req/s ÷ ceiling': (r.rps / ceiling.rps).toFixed(3), 'req/s ÷ raw': (r.rps / rawResult.rps).toFixed(3),
      'p50 ÷ raw': (r.p50 / Math.max(rawResult.p50, 1)).toFixed(1), failures: r.failures,
    };
  }));
  if (results.some((r) => r.failures > 0)) {
    process.exitCode = 1;
    console.error('Some requests failed (non-2xx, errors or timeouts): the figures above are not valid.');
  }

  if (PROFILE !== undefined) {
    await api.stop();
    children.splice(children.indexOf(api), 1);
    const profileDir = join(workDir, 'profile');
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
} finally {
  for (const child of children.reverse()) {
    await child.stop();
  }
  rmSync(workDir, { recursive: true, force: true });
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
