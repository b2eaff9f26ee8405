/**
 * One export in its own process, so its peak RSS is the export's alone: runs the export job
 * (the same code as the API's background job, checkpoint and proofs included) over a copy of the
 * world and prints one JSON line; `seconds` is the file alone, `proofSeconds` the proofs after it.
 * Arguments: database file, data dir, world JSON, format.
 */
import { appendFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditExportFormat } from '../../domain/audit/audit-export.ts';
import { newId } from '../../domain/ids.ts';
import { exportPaths } from '../../server/audit-exports/export-files.ts';
import { runAuditExport } from '../../server/audit-exports/run-audit-export.ts';
import { loadAuditSigningKey } from '../../server/audit/audit-signing-key.ts';
import { createCheckpointSigner } from '../../server/audit/sign-checkpoint.ts';
import { openServerDb } from '../../server/db/connect.ts';
import type { AuditWorld } from './audit-world.ts';

const [file, dataDir, worldJson, format] = process.argv.slice(2) as [string, string, string, AuditExportFormat];
const world = JSON.parse(worldJson) as AuditWorld;
const opened = openServerDb({ dialect: 'sqlite', file });
const id = newId();
const now = new Date().toISOString();
await opened.db.insertInto('audit_exports').values({
  id, user_id: world.officerId, agency_id: world.agencyId, format, filters: '{}', reason: 'Benchmark run', status: 'running',
  rows_total: world.total, through_seq: world.total, byte_length: null, sha256: null, created_at: now, finished_at: null,
}).execute();
const user = { id: world.officerId, username: world.officerUsername, displayName: 'Bench officer', role: 'data_officer' as const,
  agencyId: world.agencyId, agencyName: 'Bench council', teamIds: [] };
const origin = 'bench.casebridge/audit';
const logConfig = { origin, signingKeyFile: join(dataDir, 'bench-signing.key'), createKeyIfMissing: true,
  checkpointFile: join(dataDir, 'bench-checkpoints.jsonl'), witnessUrl: undefined, checkpointSeconds: 300 };
const key = loadAuditSigningKey(logConfig.signingKeyFile, origin, true);
const signer = createCheckpointSigner(opened.db, key, logConfig);
const checkpoints = { verifierKey: key.verifierKey, signNow: () => signer.signNow() };
// BENCH_MEM_TRACE=<file>: process.memoryUsage() every 100 ms as JSON lines, for finding where memory goes.
const traceFile = process.env.BENCH_MEM_TRACE;
let phase = 'file';
const trace = traceFile ? setInterval(() => {
  const m = process.memoryUsage();
  appendFileSync(traceFile, `${JSON.stringify({ t: Math.round(performance.now()), phase, rss: m.rss >> 20, heapTotal: m.heapTotal >> 20, heapUsed: m.heapUsed >> 20, external: m.external >> 20, arrayBuffers: m.arrayBuffers >> 20 })}\n`);
}, 100) : undefined;
let fileSeconds = 0;
const rssBeforeMb = process.memoryUsage().rss / 1048576;
const started = performance.now();
const cpuStart = process.cpuUsage();
const pageRows = process.env.BENCH_PAGE_ROWS ? { pageRows: Number(process.env.BENCH_PAGE_ROWS) } : {};
let fileCpu = { user: 0, system: 0 };
let filePeakRssMb = 0;
const afterFile = () => {
  fileSeconds = (performance.now() - started) / 1000;
  fileCpu = process.cpuUsage(cpuStart);
  filePeakRssMb = process.resourceUsage().maxRSS / 1024;
  phase = 'proofs';
};
await runAuditExport({ db: opened.db, dataDir, now: () => new Date(), checkpoints, afterFile, ...pageRows }, {
  id, user, actor: { userId: user.id, agencyId: user.agencyId, ip: null }, format, filters: {}, reason: 'Benchmark run',
  throughSeq: world.total, createdAt: now,
}, new AbortController().signal);
clearInterval(trace);
const proofSeconds = (performance.now() - started) / 1000 - fileSeconds;
const cpuSeconds = (fileCpu.user + fileCpu.system) / 1e6;
const row = await opened.db.selectFrom('audit_exports').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
await opened.close();
console.log(JSON.stringify({
  format, status: row.status, rows: row.rows_written, seconds: fileSeconds, proofSeconds, cpuSeconds,
  bytes: statSync(exportPaths(dataDir, id, format).file).size, proofBytes: statSync(exportPaths(dataDir, id, format).proofs).size,
  rssBeforeMb, filePeakRssMb, peakRssMb: process.resourceUsage().maxRSS / 1024,
}));
