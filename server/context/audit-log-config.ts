/** Where the audit log's signing key and published checkpoints live (docs/audit.md, "Checkpoints"). */
import { join } from 'node:path';
import type { AuditLogConfig, ServerConfig } from './config.ts';

/** The log's settings, defaulting to files in the data dir. */
export function auditLogConfig(config: ServerConfig): AuditLogConfig {
  const given = config.auditLog ?? {};
  return {
    origin: given.origin ?? 'casebridge/audit',
    signingKeyFile: given.signingKeyFile ?? join(config.dataDir, 'audit-signing.key'),
    createKeyIfMissing: given.signingKeyFile === undefined,
    checkpointFile: given.checkpointFile ?? join(config.dataDir, 'audit-checkpoints.jsonl'),
    witnessUrl: given.witnessUrl,
    checkpointSeconds: given.checkpointSeconds ?? 300,
    verifyKey: given.verifyKey,
  };
}
