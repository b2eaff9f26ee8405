/**
 * `npm run audit:verify-export -- <proof file> --key <verifier key | @file> [--since <checkpoint file>]…`
 * checks an export's proof file offline, with no database (docs/audit.md, "Export proofs"). It
 * imports only domain code and node:crypto, so it can be read and rewritten on its own.
 * Exits 0 when every check holds, 1 when one fails (naming the first bad event), 2 on bad input.
 */
import { createHash, createPublicKey, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { AuditProofBundleSchema } from '../../domain/audit/audit-proof-bundle.ts';
import type { Sha256 } from '../../domain/audit/merkle-hash.ts';
import { parseVerifierKey, type Ed25519Verify } from '../../domain/audit/signed-note.ts';
import { verifyProofBundle } from '../../domain/audit/verify-proof-bundle.ts';

const sha256: Sha256 = (data) => createHash('sha256').update(data).digest();
const verifyEd25519: Ed25519Verify = (publicKey, message, signature) =>
  verify(null, message, createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKey).toString('base64url') }, format: 'jwk' }), signature);

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return fail(`Cannot read ${path}.`);
  }
}

const args = (() => {
  try {
    return parseArgs({ allowPositionals: true, options: { key: { type: 'string' }, since: { type: 'string', multiple: true } } });
  } catch (error) {
    return fail((error as Error).message);
  }
})();
const [file] = args.positionals;
if (!file || !args.values.key) {
  fail('Usage: npm run audit:verify-export -- <proof file> --key <verifier key | @key file> [--since <checkpoint file>]…');
}
const keyText = args.values.key.startsWith('@') ? readText(args.values.key.slice(1)) : args.values.key;
const key = parseVerifierKey(sha256, keyText) ?? fail('The --key is not an Ed25519 verifier key (<name>+<hash>+<key>).');
let json: unknown;
try {
  json = JSON.parse(readText(file));
} catch {
  fail(`${file} is not JSON.`);
}
const bundle = AuditProofBundleSchema.safeParse(json);
if (!bundle.success) {
  fail(`${file} is not a casebridge-audit-proof/v1 file: ${bundle.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
}
const since = (args.values.since ?? []).map(readText);
const result = verifyProofBundle(bundle.data, key, { sha256, verifyEd25519 }, since);
if (result.ok) {
  const extends_ = result.consistentFrom.length > 0 ? `; it extends the checkpoint${result.consistentFrom.length > 1 ? 's' : ''} of ${result.consistentFrom.join(', ')} events` : '';
  console.log(`Export proofs hold: ${result.events} events are in the log at checkpoint ${result.checkpoint.size} signed by ${key.name}${extends_}.`);
} else {
  console.log(`Export proofs FAIL${result.seq === undefined ? '' : ` at event seq ${result.seq}`}: ${result.problem} — ${result.message}`);
  process.exitCode = 1;
}
