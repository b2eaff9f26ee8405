/**
 * `npm run audit:verify`: checks the audit log of the configured database — the hash chain, the
 * Merkle tree and every published checkpoint (docs/audit.md) — and exits 0 when intact, 1 when
 * broken, 2 when it cannot verify. Read-only: it runs no migrations and signs nothing.
 */
import { existsSync } from 'node:fs';
import { describeAuditLog } from '../../domain/audit/audit-log-result.ts';
import { parseVerifierKey, type NoteVerifierKey } from '../../domain/audit/signed-note.ts';
import { loadAuditSigningKey } from '../audit/audit-signing-key.ts';
import { readCheckpoints } from '../audit/checkpoint-file.ts';
import { sha256 } from '../audit/sha256.ts';
import { verifyAuditLog } from '../audit/verify-log.ts';
import { auditLogConfig } from '../context/audit-log-config.ts';
import { readServerConfig, type AuditLogConfig } from '../context/config.ts';
import { openServerDb } from '../db/connect.ts';

const config = readServerConfig(process.env);
if (config.database.dialect === 'sqlite' && !existsSync(config.database.file)) {
  // Opening would create an empty database, which would then "verify" as an intact, empty trail.
  console.error(`Audit chain cannot be verified: no database at ${config.database.file}.`);
  process.exit(2);
}
const auditLog = auditLogConfig(config);
const published = await readCheckpoints(auditLog.checkpointFile);
const key = published.length > 0 ? verifierKey(auditLog) : undefined;
if (published.length === 0) {
  console.error(`No published checkpoints in ${auditLog.checkpointFile}: the log is checked against itself only.`);
}
const opened = openServerDb(config.database);
try {
  const result = await verifyAuditLog(opened.db, published, key ?? { name: auditLog.origin, keyId: new Uint8Array(4), publicKey: new Uint8Array(32) });
  console.log(describeAuditLog(result));
  process.exitCode = result.ok ? 0 : 1;
} catch (error) {
  // The operator's own terminal: the driver's message (e.g. "no such table") is what they need; the query is read-only.
  console.error(`Audit chain cannot be verified: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
} finally {
  await opened.close();
}

/** The key to check checkpoints with: the configured verifier key, else the public half of the signing key. */
function verifierKey(settings: AuditLogConfig): NoteVerifierKey {
  if (settings.verifyKey) {
    const parsed = parseVerifierKey(sha256, settings.verifyKey);
    if (!parsed) {
      console.error('Audit log cannot be verified: CASEBRIDGE_AUDIT_VERIFY_KEY is not an Ed25519 verifier key.');
      process.exit(2);
    }
    return parsed;
  }
  try {
    return loadAuditSigningKey(settings.signingKeyFile, settings.origin, false).verifierKey;
  } catch (error) {
    console.error(`Audit log cannot be verified: ${(error as Error).message} (or set CASEBRIDGE_AUDIT_VERIFY_KEY).`);
    process.exit(2);
  }
}
