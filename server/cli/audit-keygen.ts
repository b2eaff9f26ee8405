/**
 * `npm run audit:keygen -- <key file> [name]`: writes a new Ed25519 signing key for the audit log
 * (owner-only, never over an existing file) and prints its verifier key for auditors. The name is
 * the log's origin, CASEBRIDGE_AUDIT_ORIGIN (default `casebridge/audit`).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { generateAuditSigningKeyText, parseAuditSigningKey } from '../audit/audit-signing-key.ts';

const [file, name = process.env.CASEBRIDGE_AUDIT_ORIGIN ?? 'casebridge/audit'] = process.argv.slice(2);
if (!file) {
  console.error('Usage: npm run audit:keygen -- <key file> [name]');
  process.exit(2);
}
if (existsSync(file)) {
  console.error(`${file} already exists; a log's key is never replaced in place.`);
  process.exit(1);
}
try {
  const text = generateAuditSigningKeyText(name);
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, text, { mode: 0o600, flag: 'wx' });
  console.log(`Signing key written to ${file}. Give auditors its verifier key:`);
  console.log(parseAuditSigningKey(text).verifierKeyText);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
