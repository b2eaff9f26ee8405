/**
 * `npm run audit:verify`: checks the audit hash chain of the configured database and exits 0 when
 * intact, 1 when broken, 2 when it cannot verify. Read-only: it runs no migrations.
 */
import { existsSync } from 'node:fs';
import { describeAuditChain } from '../../domain/audit/audit-chain.ts';
import { verifyAuditChain } from '../audit/verify-chain.ts';
import { readServerConfig } from '../context/config.ts';
import { openServerDb } from '../db/connect.ts';

const config = readServerConfig(process.env);
if (config.database.dialect === 'sqlite' && !existsSync(config.database.file)) {
  // Opening would create an empty database, which would then "verify" as an intact, empty trail.
  console.error(`Audit chain cannot be verified: no database at ${config.database.file}.`);
  process.exit(2);
}
const opened = openServerDb(config.database);
try {
  const result = await verifyAuditChain(opened.db);
  console.log(describeAuditChain(result));
  process.exitCode = result.ok ? 0 : 1;
} catch (error) {
  // The operator's own terminal: the driver's message (e.g. "no such table") is what they need; the query is read-only.
  console.error(`Audit chain cannot be verified: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
} finally {
  await opened.close();
}
