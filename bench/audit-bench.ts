/**
 * `npm run bench:audit`: 1M-row audit exports (CSV and XLSX), each in its own process so its peak
 * RSS is its own, against the targets of docs/audit.md (CSV ≥ 150k rows/s, XLSX ≥ 50k rows/s, both
 * ≤ 300 MB RSS), and a PDF export of AUDIT_PDF_MAX_ROWS rows (a PDF holds no more: Typst lays the
 * whole document out in memory; it runs over a world of that many events, docs/decisions.md); then the cost of appending an event with today's hash chain beside a bare insert.
 * The world (1M events on SQLite) is built once and cached in the temp directory. Rows per CPU
 * second are printed beside rows per second: on a shared machine the wall clock also counts waiting.
 * "RSS before" is the child's RSS once its modules are loaded, before the export starts.
 *
 * Peak RSS is printed per phase (the file; the seal, checkpoint and proof file after it) and for the
 * whole job; to show memory is flat in the export's size, the CSV export also runs over a world of
 * BENCH_FLAT_EVENTS events and both whole-job peaks are printed side by side.
 *
 * Environment: BENCH_AUDIT_EVENTS (rows, default 1000000), BENCH_FLAT_EVENTS (the smaller world,
 * default 250000; 0 skips it), BENCH_APPEND_EVENTS (default 5000), BENCH_PAGE_ROWS (rows per page
 * read, default the job's EXPORT_PAGE_ROWS).
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { AUDIT_PDF_MAX_ROWS } from '../domain/audit/audit-export.ts';
import { measureAppendCost } from './audit-bench/append-cost.ts';
import { buildAuditWorld, type AuditWorld } from './audit-bench/audit-world.ts';
import { cachedWorldCopy, migrationKey } from './world-file-cache.ts';

const EVENTS = Number(process.env.BENCH_AUDIT_EVENTS ?? 1_000_000);
const APPENDS = Number(process.env.BENCH_APPEND_EVENTS ?? 5000);
const PDF_EVENTS = Math.min(EVENTS, AUDIT_PDF_MAX_ROWS);
const FLAT_EVENTS = Math.min(EVENTS, Number(process.env.BENCH_FLAT_EVENTS ?? 250_000));
const TARGETS = { csv: { rowsPerSecond: 150_000 }, xlsx: { rowsPerSecond: 50_000 } } as const;
const RSS_TARGET_MB = 300;

// The server runs with this flag (package.json, `npm run server`): V8 otherwise grows the young
// generation's semi-spaces to tens of MB each under an export's allocation rate, ~90 MB of RSS.
const SERVER_NODE_FLAGS = ['--max-semi-space-size=16'];

const here = dirname(fileURLToPath(import.meta.url));
const run = promisify(execFile);
const workDir = mkdtempSync(join(tmpdir(), 'cb-bench-audit-'));
try {
  const worlds = new Map<number, Awaited<ReturnType<typeof cachedWorldCopy<AuditWorld>>>>();
  for (const events of new Set([EVENTS, PDF_EVENTS, ...(FLAT_EVENTS > 0 ? [FLAT_EVENTS] : [])])) {
    const dir = join(workDir, `world-${events}`);
    mkdirSync(dir);
    const copy = await cachedWorldCopy(['audit-world-v3', migrationKey(), String(events)], dir, (db) => buildAuditWorld(db, events));
    console.log(copy.builtNow
      ? `World of ${events} audit events built in ${copy.buildSeconds.toFixed(1)} s and cached in ${copy.cachedAt}`
      : `World of ${events} audit events reused from ${copy.cachedAt} (delete it to rebuild)`);
    worlds.set(events, copy);
  }

  console.log('\nrows/s and "file RSS" are the file alone; "proofs s" is the seal, checkpoint and proof file after it, with its own peak'
    + ' ("proofs RSS", from "RSS at proofs" when it starts); "peak RSS" is the whole job\'s.');
  console.log('format  rows       seconds  rows/s    CPU s   rows/CPU s  file MB  RSS before  file RSS MB  RSS at proofs  proofs RSS MB  peak RSS MB  proofs s  proofs MB  target');
  let failed = false;
  const peaks = new Map<number, number>();
  const runs: Array<['csv' | 'xlsx' | 'pdf', number]> = [['csv', EVENTS], ['xlsx', EVENTS], ['pdf', PDF_EVENTS],
    ...(FLAT_EVENTS > 0 && FLAT_EVENTS !== EVENTS ? [['csv', FLAT_EVENTS] as ['csv', number]] : [])];
  for (const [format, events] of runs) {
    const copy = worlds.get(events)!;
    const { stdout } = await run(process.execPath, [...SERVER_NODE_FLAGS, '--import', 'tsx', join(here, 'audit-bench', 'export-child.ts'),
      copy.file, join(workDir, `data-${format}-${events}`), JSON.stringify(copy.world satisfies AuditWorld), format], { maxBuffer: 1 << 20 });
    const r = JSON.parse(stdout.trim().split('\n').at(-1)!) as {
      status: string; rows: number; seconds: number; proofSeconds: number; cpuSeconds: number; bytes: number; proofBytes: number;
      rssBeforeMb: number; filePeakRssMb: number; proofsStartRssMb: number; proofsPeakRssMb: number; peakRssMb: number;
    };
    if (format === 'csv') {
      peaks.set(events, r.peakRssMb);
    }
    const rate = r.rows / r.seconds;
    const target = format === 'pdf' ? undefined : TARGETS[format];
    const ok = r.status === 'complete' && r.rows === events && (!target || (rate >= target.rowsPerSecond && r.peakRssMb <= RSS_TARGET_MB));
    failed ||= !ok;
    console.log(`${format.padEnd(8)}${String(r.rows).padEnd(11)}${r.seconds.toFixed(2).padEnd(9)}${Math.round(rate).toLocaleString('en-GB').padEnd(10)}`
      + `${r.cpuSeconds.toFixed(1).padEnd(8)}${Math.round(r.rows / r.cpuSeconds).toLocaleString('en-GB').padEnd(12)}`
      + `${(r.bytes / 1048576).toFixed(1).padEnd(9)}${r.rssBeforeMb.toFixed(0).padEnd(12)}${r.filePeakRssMb.toFixed(0).padEnd(13)}`
      + `${r.proofsStartRssMb.toFixed(0).padEnd(15)}${r.proofsPeakRssMb.toFixed(0).padEnd(15)}${r.peakRssMb.toFixed(0).padEnd(13)}`
      + `${r.proofSeconds.toFixed(1).padEnd(10)}${(r.proofBytes / 1048576).toFixed(0).padEnd(11)}`
      + (target
        ? `${ok ? 'met' : 'MISSED'} (≥ ${target.rowsPerSecond.toLocaleString('en-GB')} rows/s, ≤ ${RSS_TARGET_MB} MB)`
        : `${ok ? 'complete' : 'FAILED'} (no target; ${events.toLocaleString('en-GB')} rows, the most a PDF holds, over a log of that size)`));
  }
  if (peaks.size === 2) {
    const [[small, smallPeak], [large, largePeak]] = [...peaks].sort((a, b) => a[0] - b[0]) as [[number, number], [number, number]];
    console.log(`\nFlat memory, CSV whole-job peak RSS: ${smallPeak.toFixed(0)} MB at ${small.toLocaleString('en-GB')} events, `
      + `${largePeak.toFixed(0)} MB at ${large.toLocaleString('en-GB')} (${(largePeak / smallPeak).toFixed(2)}× for ${(large / small).toFixed(0)}× the rows).`);
  }

  const cost = await measureAppendCost(workDir, APPENDS);
  console.log(`\nAppending one audit event on SQLite (${cost.events} each, own transaction):`);
  console.log(`  hash chain (today, recordAuditNow)  ${cost.chainedMicros.toFixed(0)} µs`);
  console.log(`  bare insert, no chain               ${cost.bareMicros.toFixed(0)} µs`);
  console.log(`  chain / bare                        ${(cost.chainedMicros / cost.bareMicros).toFixed(2)}×`);
  console.log('  the Merkle log against the plain hash chain (target ≤ 1.5×): npm run bench:audit-append');
  if (failed) {
    process.exitCode = 1;
  }
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
