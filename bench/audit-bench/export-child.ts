/**
 * One export in its own process, so its peak RSS is the export's alone: runs the export job
 * (the same code as the API's background job, checkpoint and proofs included) over a copy of the
 * world and prints one JSON line; `seconds` is the file alone, `proofSeconds` the proofs after it.
 * Peak RSS is read per phase from Linux's VmHWM, reset between the two (/proc/self/clear_refs):
 * the file's, then the seal, checkpoint and proof file's; the whole job's is the larger.
 * Arguments: database file, data dir, world JSON, format.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
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
/** VmHWM, the peak RSS since start or since the last reset, in MB (Linux: /proc/self/status). */
const peakMb = (): number => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))![1]) / 1024;
const rssNowMb = (): number => process.memoryUsage().rss / 1048576;
let fileSeconds = 0;
const rssBeforeMb = process.memoryUsage().rss / 1048576;
const started = performance.now();
const cpuStart = process.cpuUsage();
const pageRows = process.env.BENCH_PAGE_ROWS ? { pageRows: Number(process.env.BENCH_PAGE_ROWS) } : {};
let fileCpu = { user: 0, system: 0 };
let filePeakRssMb = 0;
let proofsStartRssMb = 0;
const afterFile = () => {
  fileSeconds = (performance.now() - started) / 1000;
  fileCpu = process.cpuUsage(cpuStart);
  filePeakRssMb = peakMb();
  proofsStartRssMb = rssNowMb();
  // Resets VmHWM to the RSS now, so the peak read at the end is the proofs phase's own.
  writeFileSync('/proc/self/clear_refs', '5');
};
await runAuditExport({ db: opened.db, dataDir, now: () => new Date(), checkpoints, afterFile, ...pageRows }, {
  id, user, actor: { userId: user.id, agencyId: user.agencyId, ip: null }, format, filters: {}, reason: 'Benchmark run',
  throughSeq: world.total, createdAt: now,
}, new AbortController().signal);
const proofSeconds = (performance.now() - started) / 1000 - fileSeconds;
const proofsPeakRssMb = peakMb();
const cpuSeconds = (fileCpu.user + fileCpu.system) / 1e6;
const row = await opened.db.selectFrom('audit_exports').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
await opened.close();
console.log(JSON.stringify({
  format, status: row.status, rows: row.rows_written, seconds: fileSeconds, proofSeconds, cpuSeconds,
  bytes: statSync(exportPaths(dataDir, id, format).file).size, proofBytes: statSync(exportPaths(dataDir, id, format).proofs).size,
  rssBeforeMb, filePeakRssMb, proofsStartRssMb, proofsPeakRssMb, peakRssMb: Math.max(filePeakRssMb, proofsPeakRssMb),
}));
