/**
 * Runs one audit export to its file: rows in keyset pages through the format's writer into a
 * SHA-256-hashing file, progress (and a heartbeat) in the job's row, then the `export.seal` event
 * naming the exported rows, a checkpoint signed over it, the proof file and the manifest, and one
 * `export.finish` with the job's outcome. The job's
 * row is the only cancel signal every node shares: when it is no longer `running`, the job stops
 * and removes its partial files.
 */
import { rename, writeFile } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import type { Kysely, Transaction } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import {
  AUDIT_EXPORT_COLUMNS, EXPORT_MARKING, type AuditExportFilters, type AuditExportFormat, type AuditExportManifest,
} from '../../domain/audit/audit-export.ts';
import type { AuthUser } from '../auth/auth-user.ts';
import { sortedExportProofDetails } from '../audit/export-proofs.ts';
import { recordAudit, type AuditActor } from '../audit/record-audit.ts';
import type { AuditCheckpoints } from '../context/audit-checkpoints.ts';
import { PRIVATE_FILE_MODE } from '../db/data-dir.ts';
import { createCsvExportWriter } from './csv-export-writer.ts';
import { exportPaths, removeExportFiles } from './export-files.ts';
import { exportRowPages } from './export-rows.ts';
import type { ExportWriter } from './export-writer.ts';
import { openHashingFile } from './hashing-file.ts';
import { writeExportProofs } from './write-export-proofs.ts';
import { createXlsxExportWriter } from './xlsx-export-writer.ts';
import { createPdfExportWriter } from './pdf/pdf-export-writer.ts';
import { toBase64 } from '../../domain/audit/base64.ts';

/** Everything a job needs, fixed when the export was created. */
export interface AuditExportJobSpec {
  id: string;
  user: AuthUser;
  actor: AuditActor;
  format: AuditExportFormat;
  filters: AuditExportFilters;
  reason: string;
  throughSeq: number;
  createdAt: string;
}

/** What the job reads and writes outside itself. */
export interface AuditExportJobEnv {
  db: Kysely<ServerDatabase>;
  dataDir: string;
  now: () => Date;
  /** Signs the checkpoint the export's proofs are against. */
  checkpoints: AuditCheckpoints;
  /** Rows per page read (EXPORT_PAGE_ROWS when absent). */
  pageRows?: number;
  /** Least time between two progress writes (PROGRESS_EVERY_MS when absent; 0: after every page). */
  progressEveryMs?: number;
  /** Told after progress is recorded (tests use it to act mid-export). */
  afterPage?: (rowsWritten: number) => Promise<void>;
  /** Told once the export's file is complete, before its proofs are built (the benchmark times the two apart). */
  afterFile?: () => void;
}

/** Least time between two progress writes, and so the longest a cancel waits to be seen (plus one page). */
export const PROGRESS_EVERY_MS = 500;

/** How often a running job touches its heartbeat, whatever it is doing (reading, hashing, proving). */
export const HEARTBEAT_EVERY_MS = 30_000;

/** Thrown inside the job when its row stopped being `running` or the node is shutting down. */
class ExportStopped extends Error {}

/** The checkpoint signed as a PDF job starts: printed on its title page, and proofs show the log extends it. */
type OpeningCheckpoint = Awaited<ReturnType<AuditCheckpoints['signNow']>>;

const WRITERS: Record<AuditExportFormat, (out: Writable, spec: AuditExportJobSpec, opening: OpeningCheckpoint | undefined) => ExportWriter> = {
  csv: (out) => createCsvExportWriter(out),
  xlsx: (out) => createXlsxExportWriter(out),
  pdf: (out, spec, opening) => createPdfExportWriter(out, {
    exportId: spec.id, filters: spec.filters, generatedBy: spec.user.username, generatedAt: spec.createdAt, reason: spec.reason,
    checkpoint: { size: opening!.checkpoint.size, rootBase64: toBase64(opening!.checkpoint.root) },
  }),
};

/** Runs the job to its end: `complete`, `cancelled` (row changed or `signal` aborted) or `failed`. Never rejects. */
export async function runAuditExport(env: AuditExportJobEnv, spec: AuditExportJobSpec, signal: AbortSignal): Promise<void> {
  const paths = exportPaths(env.dataDir, spec.id, spec.format);
  const sink = openHashingFile(paths.part);
  let writer: ExportWriter | undefined;
  let opening: OpeningCheckpoint | undefined;
  let written = 0;
  const progressMs = env.progressEveryMs ?? PROGRESS_EVERY_MS;
  let progressAt = -Infinity;
  // The exported seqs, newest first as written; 8 bytes a row, the one thing that grows with the export.
  const seqs: number[] = [];
  const heartbeat = setInterval(() => {
    env.db.updateTable('audit_exports').set({ heartbeat_at: env.now().toISOString() }).where('id', '=', spec.id)
      .where('status', '=', 'running').execute().catch(() => undefined);
  }, HEARTBEAT_EVERY_MS);
  heartbeat.unref();
  try {
    // A PDF prints the signed state of the log it starts from (the CSV and XLSX name theirs in the manifest only).
    opening = spec.format === 'pdf' ? await env.checkpoints.signNow() : undefined;
    writer = WRITERS[spec.format](sink.stream, spec, opening);
    // Events up to throughSeq only: the first page reads below throughSeq + 1.
    for await (const page of exportRowPages(env.db, spec.user, spec.filters, { belowSeq: spec.throughSeq + 1, ...(env.pageRows ? { pageRows: env.pageRows } : {}) })) {
      if (signal.aborted) {
        throw new ExportStopped('stopped');
      }
      await writer.writeRows(page);
      for (const row of page) {
        seqs.push(Number(row.seq));
      }
      written += page.length;
      // Progress is a committed write (an fsync on SQLite): at most one per interval, which is also how often a cancel is seen.
      if (performance.now() - progressAt >= progressMs) {
        progressAt = performance.now();
        const moved = await env.db.updateTable('audit_exports').set({ rows_written: written, heartbeat_at: env.now().toISOString() })
          .where('id', '=', spec.id).where('status', '=', 'running').executeTakeFirst();
        if (Number(moved.numUpdatedRows) === 0) {
          throw new ExportStopped('cancelled');
        }
        await env.afterPage?.(written);
      }
    }
    await writer.finish();
    const { sha256, byteLength } = await sink.done;
    await rename(paths.part, paths.file);
    env.afterFile?.();
    seqs.reverse();
    // The seal fixes which rows the export holds (and the file's hash); the checkpoint is signed over it.
    // It is not the outcome: the job records exactly one `export.finish`, success or failure, at its end.
    const { seq: exportSeq, reason } = await env.db.transaction().execute(async (trx) => {
      const current = await lockReason(trx, spec);
      const seq = await recordAudit(trx, {
        actor: spec.actor, action: 'export.seal', entityType: 'audit_export', entityId: spec.id, outcome: 'success', justification: current,
        details: { format: spec.format, filters: spec.filters, rowCount: written, sha256, byteLength, ...sortedExportProofDetails(seqs) }, at: env.now(),
      });
      return { seq, reason: current };
    });
    const signed = await env.checkpoints.signNow();
    const proofSink = openHashingFile(paths.proofsPart);
    await writeExportProofs(env.db, env.checkpoints.verifierKey, { seqs, checkpoint: signed.note, exportSeq, ...(opening ? { since: [opening.note] } : {}) }, proofSink.stream)
      .catch((error: unknown) => { proofSink.stream.destroy(); throw error; });
    const proofs = await proofSink.done;
    await rename(paths.proofsPart, paths.proofs);
    const finishedAt = env.now().toISOString();
    const manifest: AuditExportManifest = {
      manifestVersion: 1, exportId: spec.id, marking: EXPORT_MARKING, format: spec.format, fileName: paths.fileName,
      filters: spec.filters, columns: [...AUDIT_EXPORT_COLUMNS], rowCount: written, throughSeq: spec.throughSeq, byteLength, sha256,
      generatedBy: { userId: spec.user.id, username: spec.user.username, agencyId: spec.user.agencyId }, generatedAt: finishedAt,
      reason, checkpoint: signed.note, exportEventSeq: exportSeq,
      proofs: { fileName: paths.proofsName, sha256: proofs.sha256, byteLength: proofs.byteLength },
    };
    await writeFile(paths.manifest, `${JSON.stringify(manifest, null, 2)}\n`, { mode: PRIVATE_FILE_MODE });
    // Complete and its one success outcome together: a cancel that won the race leaves neither.
    await env.db.transaction().execute(async (trx) => {
      const done = await trx.updateTable('audit_exports')
        .set({ status: 'complete', rows_written: written, sha256, byte_length: byteLength, finished_at: finishedAt })
        .where('id', '=', spec.id).where('status', '=', 'running').executeTakeFirst();
      if (Number(done.numUpdatedRows) === 0) {
        throw new ExportStopped('cancelled');
      }
      await recordAudit(trx, {
        actor: spec.actor, action: 'export.finish', entityType: 'audit_export', entityId: spec.id, outcome: 'success', justification: await lockReason(trx, spec),
        details: { format: spec.format, filters: spec.filters, rowCount: written, sha256, byteLength, sealSeq: exportSeq, proofsSha256: proofs.sha256 },
        at: env.now(),
      });
    });
  } catch (error) {
    const reason = error instanceof Error ? error : new Error(String(error));
    if (writer) {
      writer.abort(reason);
    } else {
      sink.stream.destroy(reason);
    }
    await sink.done.catch(() => undefined);
    await removeExportFiles(paths);
    if (error instanceof ExportStopped) {
      // Cancelled by its owner, or this node stopping: either way the row must not stay `running`.
      await env.db.updateTable('audit_exports').set({ status: 'cancelled', finished_at: env.now().toISOString(), rows_written: written })
        .where('id', '=', spec.id).where('status', '=', 'running').execute().catch(() => undefined);
      await finishEvent(env, spec, 'failure', { status: 'cancelled', rowsWritten: written }).catch(() => undefined);
      return;
    }
    await env.db.updateTable('audit_exports').set({ status: 'failed', finished_at: env.now().toISOString(), rows_written: written })
      .where('id', '=', spec.id).where('status', '=', 'running').execute().catch(() => undefined);
    await finishEvent(env, spec, 'failure', { status: 'failed', rowsWritten: written }).catch(() => undefined);
  } finally {
    clearInterval(heartbeat);
  }
}

function finishEvent(env: AuditExportJobEnv, spec: AuditExportJobSpec, outcome: 'success' | 'failure', facts: Record<string, unknown>): Promise<number> {
  return env.db.transaction().execute(async (trx) => recordAudit(trx, {
    actor: spec.actor, action: 'export.finish', entityType: 'audit_export', entityId: spec.id, outcome, justification: await lockReason(trx, spec),
    details: { format: spec.format, filters: spec.filters, ...facts }, at: env.now(),
  }));
}

/**
 * The export's reason as its row holds it now, the row locked until the event's transaction ends: an
 * erasure blanks a reason naming what it erases (server/retention/erase-export-reasons.ts), so a job's
 * later event must not bring it back, nor slip its kept copy past the erasure's scan.
 */
async function lockReason(trx: Transaction<ServerDatabase>, spec: AuditExportJobSpec): Promise<string> {
  // A no-op update locks the row on both dialects (SQLite has no FOR UPDATE) and, on PostgreSQL, reads it after a concurrent erasure commits.
  const row = await trx.updateTable('audit_exports').set((eb) => ({ reason: eb.ref('reason') })).where('id', '=', spec.id)
    .returning('reason').executeTakeFirst();
  return row?.reason ?? spec.reason;
}
