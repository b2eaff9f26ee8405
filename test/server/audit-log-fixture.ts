/** A signing key, checkpoint file and signer for audit-log tests, and the rewrites a DBA with full rights could do. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import { appendToFrontier, EMPTY_FRONTIER, encodeFrontier } from '../../domain/audit/merkle-frontier.ts';
import { auditLeafHash } from '../../domain/audit/audit-event-leaf.ts';
import { auditEventHash, GENESIS_HASH } from '../../server/audit/audit-hash.ts';
import { loadAuditSigningKey, type AuditSigningKey } from '../../server/audit/audit-signing-key.ts';
import { readCheckpoints } from '../../server/audit/checkpoint-file.ts';
import { sha256 } from '../../server/audit/sha256.ts';
import { createCheckpointSigner, type CheckpointSigner } from '../../server/audit/sign-checkpoint.ts';
import type { AuditLogConfig } from '../../server/context/config.ts';

/** The log's settings, key and signer in a fresh temp dir. */
export interface LogFixture {
  dir: string;
  config: AuditLogConfig;
  key: AuditSigningKey;
  signer: CheckpointSigner;
  published(): ReturnType<typeof readCheckpoints>;
}

/** A fresh key and checkpoint file for `db`; `witnessUrl` adds a witness. */
export function logFixture(db: Kysely<ServerDatabase>, witnessUrl?: string): LogFixture {
  const dir = mkdtempSync(join(tmpdir(), 'cb-audit-log-'));
  const config: AuditLogConfig = {
    origin: 'casebridge.test/audit', signingKeyFile: join(dir, 'signing.key'), createKeyIfMissing: true,
    checkpointFile: join(dir, 'checkpoints.jsonl'), witnessUrl, checkpointSeconds: 300,
  };
  const key = loadAuditSigningKey(config.signingKeyFile, config.origin, true);
  return { dir, config, key, signer: createCheckpointSigner(db, key, config), published: () => readCheckpoints(config.checkpointFile) };
}

/** A different key under the same name: what a forger who rewrote the log would sign with. */
export function forgerKey(origin: string): AuditSigningKey {
  const dir = mkdtempSync(join(tmpdir(), 'cb-audit-forger-'));
  return loadAuditSigningKey(join(dir, 'forger.key'), origin, true);
}

/**
 * Re-chains every event and rebuilds the head (seq, hash and tree frontier) from the rows as they now
 * are, so the chain verifies again: the cover-up after a rewrite. Call inside `asMaliciousDba`.
 */
export async function rechainFromRows(db: Kysely<ServerDatabase>): Promise<void> {
  const rows = await db.selectFrom('audit_events').selectAll().orderBy('seq').execute();
  let prev = GENESIS_HASH;
  let frontier = EMPTY_FRONTIER;
  for (const row of rows) {
    const fields = { ...row, seq: Number(row.seq), prev_hash: prev };
    const hash = auditEventHash(fields);
    if (hash !== row.hash || prev !== row.prev_hash) {
      await db.updateTable('audit_events').set({ prev_hash: prev, hash }).where('seq', '=', fields.seq).execute();
    }
    frontier = appendToFrontier(sha256, frontier, auditLeafHash(sha256, fields));
    prev = hash;
  }
  await db.updateTable('audit_head').set({ seq: rows.length, hash: prev, tree_frontier: encodeFrontier(frontier) }).where('id', '=', 1).execute();
}

/** Deletes event `seq` and moves every later event down one place, leaving no gap. */
export async function deleteAndCloseGap(db: Kysely<ServerDatabase>, seq: number): Promise<void> {
  await db.deleteFrom('audit_events').where('seq', '=', seq).execute();
  const later = await db.selectFrom('audit_events').select('seq').where('seq', '>', seq).orderBy('seq').execute();
  for (const row of later) {
    await db.updateTable('audit_events').set({ seq: Number(row.seq) - 1 }).where('seq', '=', Number(row.seq)).execute();
  }
}
