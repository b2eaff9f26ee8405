/**
 * One export in its own process, so its peak RSS is the export's alone: runs the export job
 * (the same code as the API's background job) over a copy of the world and prints one JSON line.
 * Arguments: database file, data dir, world JSON, format.
 */
import { statSync } from 'node:fs';
import type { AuditExportFormat } from '../../domain/audit/audit-export.ts';
import { newId } from '../../domain/ids.ts';
import { exportPaths } from '../../server/audit-exports/export-files.ts';
import { runAuditExport } from '../../server/audit-exports/run-audit-export.ts';
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
const rssBeforeMb = process.memoryUsage().rss / 1048576;
const started = performance.now();
const cpuStart = process.cpuUsage();
const pageRows = process.env.BENCH_PAGE_ROWS ? { pageRows: Number(process.env.BENCH_PAGE_ROWS) } : {};
await runAuditExport({ db: opened.db, dataDir, now: () => new Date(), ...pageRows }, {
  id, user, actor: { userId: user.id, agencyId: user.agencyId, ip: null }, format, filters: {}, reason: 'Benchmark run',
  throughSeq: world.total, createdAt: now,
}, new AbortController().signal);
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuStart);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const row = await opened.db.selectFrom('audit_exports').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
await opened.close();
console.log(JSON.stringify({
  format, status: row.status, rows: row.rows_written, seconds, cpuSeconds, bytes: statSync(exportPaths(dataDir, id, format).file).size,
  rssBeforeMb, peakRssMb: process.resourceUsage().maxRSS / 1024,
}));
