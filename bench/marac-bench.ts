/**
 * `npm run bench:marac` (not a test): MARAC meeting pack generation (docs/marac.md) for a 30-case
 * meeting of about 100 A4 pages, for one recipient and for eight, each beside the same content
 * generated with no watermark and no redaction. Each measurement runs in a fresh process (so its
 * peak memory is its own) after the engine has started on a small pack, as in a running server;
 * the scenarios alternate round by round so they share the machine's state. Prints medians, the
 * ratios and the peak RSS beside the issue's targets (3 s for one copy, 400 MB).
 * Settings: BENCH_ROUNDS (default 3), BENCH_CASES (30), BENCH_SENTENCES (11).
 */
import { fork } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH_CASES, BENCH_SENTENCES } from './marac-bench/bench-meeting.ts';
import { SCENARIOS, type PackChildResult, type Scenario } from './marac-bench/protocol.ts';
import { quantile } from './quantile.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const ONE_COPY_TARGET_MS = 3_000;
const PEAK_RSS_TARGET_MB = 400;
const here = dirname(fileURLToPath(import.meta.url));

function runChild(scenario: Scenario): Promise<PackChildResult> {
  const child = fork(join(here, 'marac-bench/pack-child.ts'), [scenario], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    let result: PackChildResult | null = null;
    child.once('message', (m) => { result = m as PackChildResult; });
    child.once('exit', (code) => (result === null ? reject(new Error(`${scenario} exited with ${String(code)} and no result`)) : resolve(result)));
  });
}

const median = (values: readonly number[]): number => quantile(values, 0.5);
const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

console.log(`MARAC pack bench: ${String(BENCH_CASES)} cases, ${String(BENCH_SENTENCES)} sentences per research item, ${String(ROUNDS)} rounds; ${String(cpus().length)} cores, load ${loadavg()[0]?.toFixed(2) ?? '?'}`);
const results = new Map<Scenario, PackChildResult[]>(SCENARIOS.map((k) => [k, []]));
for (let round = 1; round <= ROUNDS; round += 1) {
  for (const scenario of SCENARIOS) {
    const r = await runChild(scenario);
    results.get(scenario)?.push(r);
    console.log(`  round ${String(round)} ${scenario.padEnd(7)} ${s(r.ms)}  (CPU ${s(r.cpuMs)}, engine start ${s(r.startMs)}, peak RSS ${r.peakRssMb.toFixed(0)} MB, pages ${r.pages.join('/')})`);
  }
}

function summary(scenario: Scenario): { ms: number; cpuMs: number; startMs: number; peak: number; pages: string; mb: string } {
  const rs = results.get(scenario) ?? [];
  const first = rs[0];
  return {
    ms: median(rs.map((r) => r.ms)),
    cpuMs: median(rs.map((r) => r.cpuMs)),
    startMs: median(rs.map((r) => r.startMs)),
    peak: Math.max(...rs.map((r) => r.peakRssMb)),
    pages: first === undefined ? '?' : [...new Set(first.pages)].join('/'),
    mb: first === undefined ? '?' : [...new Set(first.megabytes.map((m) => m.toFixed(1)))].join('/'),
  };
}

const plain1 = summary('plain-1');
const copy1 = summary('copy-1');
const plain8 = summary('plain-8');
const copy8 = summary('copy-8');
console.log('');
console.log('scenario (medians)                          wall   ratio      CPU   ratio   peak RSS   pages (MB)');
const row = (label: string, x: ReturnType<typeof summary>, base: ReturnType<typeof summary>) =>
  console.log(`${label.padEnd(41)} ${s(x.ms).padStart(7)}  ${(x.ms / base.ms).toFixed(2).padStart(5)}  ${s(x.cpuMs).padStart(7)}  ${(x.cpuMs / base.cpuMs).toFixed(2).padStart(5)}  ${`${x.peak.toFixed(0)} MB`.padStart(8)}   ${x.pages} (${x.mb})`);
row('1 copy, no watermark, no redaction', plain1, plain1);
row('1 recipient copy (watermark, policy cut)', copy1, plain1);
row('8 copies, no watermark, no redaction', plain8, plain8);
row('8 recipient copies', copy8, plain8);
console.log('');
console.log(`load average now ${loadavg()[0]?.toFixed(2) ?? '?'} on ${String(cpus().length)} cores: wall times above include waiting for a core`);
console.log(`engine start in a fresh process (compiler, fonts, template, a one-case pack): median ${s(copy1.startMs)}`);
const peak = Math.max(plain1.peak, copy1.peak, plain8.peak, copy8.peak);
console.log(`target: one recipient's copy <= ${s(ONE_COPY_TARGET_MS)}: ${s(copy1.ms)} ${copy1.ms <= ONE_COPY_TARGET_MS ? 'met' : 'MISSED'}`);
console.log(`target: peak memory <= ${String(PEAK_RSS_TARGET_MB)} MB: ${peak.toFixed(0)} MB ${peak <= PEAK_RSS_TARGET_MB ? 'met' : 'MISSED'}`);
