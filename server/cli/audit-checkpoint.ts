/**
 * `npm run audit:checkpoint`: signs and publishes a checkpoint of the audit log now (the server also
 * does so every CASEBRIDGE_AUDIT_CHECKPOINT_SECONDS). Prints the signed note; exits 1 when refused.
 */
import { existsSync } from 'node:fs';
import { loadAuditSigningKey } from '../audit/audit-signing-key.ts';
import { createCheckpointSigner } from '../audit/sign-checkpoint.ts';
import { auditLogConfig } from '../context/audit-log-config.ts';
import { readServerConfig } from '../context/config.ts';
import { openServerDb } from '../db/connect.ts';

const config = readServerConfig(process.env);
if (config.database.dialect === 'sqlite' && !existsSync(config.database.file)) {
  console.error(`No checkpoint signed: no database at ${config.database.file}.`);
  process.exit(2);
}
const auditLog = auditLogConfig(config);
const opened = openServerDb(config.database);
try {
  const key = loadAuditSigningKey(auditLog.signingKeyFile, auditLog.origin, false);
  const signed = await createCheckpointSigner(opened.db, key, auditLog).signNow();
  console.log(signed.published ? `Published to ${auditLog.checkpointFile}:` : 'The log has not grown; the latest checkpoint is:');
  process.stdout.write(signed.note);
  if (signed.witnessAccepted === false) {
    console.error(`The witness at ${auditLog.witnessUrl} did not accept it.`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
} finally {
  await opened.close();
}
