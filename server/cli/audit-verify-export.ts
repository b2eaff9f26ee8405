/**
 * `npm run audit:verify-export -- --manifest <manifest> --key <verifier key | @file> [--since <checkpoint file>]…`
 * checks an export offline, with no database (docs/audit.md, "Verifying an export"): the proof file
 * and the export file named by the manifest (beside it), every CSV row against its proven event,
 * and the manifest against both. `<proof file>` in place of `--manifest` checks the proof file
 * alone. It imports only domain code and node:crypto/fs, so it can be read and rewritten on its own.
 * Exits 0 when every check holds, 1 when one fails (naming the first bad event), 2 on bad input.
 */
import { createHash, createPublicKey, verify } from 'node:crypto';
import { closeSync, createReadStream, openSync, readFileSync, readSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { AuditExportManifestSchema, type AuditExportManifest } from '../../domain/audit/audit-export.ts';
import { auditEventFromLeaf } from '../../domain/audit/audit-event-leaf.ts';
import { AuditProofEntrySchema } from '../../domain/audit/audit-proof-bundle.ts';
import { csvRecords } from '../../domain/audit/csv-records.ts';
import { expectedCells, verifyCsvRows, verifyExportFacts } from '../../domain/audit/verify-export-file.ts';
import type { Sha256 } from '../../domain/audit/merkle-hash.ts';
import { ProofFileError, readProofFile, type ProofFileStream } from '../../domain/audit/proof-file-reader.ts';
import { parseVerifierKey, type Ed25519Verify } from '../../domain/audit/signed-note.ts';
import { verifyProofStream } from '../../domain/audit/verify-proof-stream.ts';

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

/** The file's SHA-256 (hex), read a chunk at a time. */
function sha256OfFile(path: string): string {
  const hash = createHash('sha256');
  for (const chunk of fileChunks(path)) {
    hash.update(chunk);
  }
  return hash.digest('hex');
}

/** The file's bytes a megabyte at a time, so a file of any size is checked in flat memory. */
function* fileChunks(path: string): Generator<Buffer> {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return fail(`Cannot read ${path}.`);
  }
  try {
    const buffer = Buffer.alloc(1 << 20);
    for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) {
      yield buffer.subarray(0, n);
    }
  } finally {
    closeSync(fd);
  }
}

/** The file's text a chunk at a time (UTF-8 sequences split across chunks are joined). */
function* textChunks(path: string): Generator<string> {
  const decoder = new TextDecoder('utf-8');
  for (const chunk of fileChunks(path)) {
    yield decoder.decode(chunk, { stream: true });
  }
  yield decoder.decode();
}

/** The entry of event `seq` in the proof file, found by reading it again a megabyte at a time. */
function proofEntry(path: string, seq: number): { leaf: string } | undefined {
  const marker = `{"index":${seq - 1},`;
  let rest = '';
  for (const text of textChunks(path)) {
    const lines = (rest + text).split('\n');
    rest = lines.pop()!;
    const line = lines.find((l) => l.startsWith(marker));
    if (line !== undefined) {
      const entry = AuditProofEntrySchema.safeParse(JSON.parse(line.endsWith(',') ? line.slice(0, -1) : line));
      return entry.success ? entry.data : undefined;
    }
  }
  return undefined;
}

const args = (() => {
  try {
    return parseArgs({ allowPositionals: true, options: { key: { type: 'string' }, manifest: { type: 'string' }, since: { type: 'string', multiple: true } } });
  } catch (error) {
    return fail((error as Error).message);
  }
})();
let manifest: AuditExportManifest | undefined;
if (args.values.manifest) {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readText(args.values.manifest));
  } catch {
    fail(`${args.values.manifest} is not JSON.`);
  }
  const checked = AuditExportManifestSchema.safeParse(parsed);
  if (!checked.success || !checked.data.proofs) {
    fail(`${args.values.manifest} is not an export manifest naming its proof file.`);
  }
  manifest = checked.data;
}
const dir = args.values.manifest ? dirname(args.values.manifest) : '.';
const [file] = manifest ? [join(dir, manifest.proofs!.fileName)] : args.positionals;
if (!file || !args.values.key) {
  fail('Usage: npm run audit:verify-export -- (--manifest <manifest> | <proof file>) --key <verifier key | @key file> [--since <checkpoint file>]…');
}
const keyText = args.values.key.startsWith('@') ? readText(args.values.key.slice(1)) : args.values.key;
const key = parseVerifierKey(sha256, keyText) ?? fail('The --key is not an Ed25519 verifier key (<name>+<hash>+<key>).');
const since = (args.values.since ?? []).map(readText);
// The proof file is read a line at a time (docs/audit.md): a million rows is about 1 GB, more than one string holds.
let proofFile: ProofFileStream;
let verified: Awaited<ReturnType<typeof verifyProofStream>>;
try {
  proofFile = await readProofFile(createInterface({ input: createReadStream(file), crlfDelay: Infinity }));
  verified = await verifyProofStream(proofFile.head, proofFile.entries, key, { sha256, verifyEd25519 }, since);
} catch (error) {
  fail(error instanceof ProofFileError ? `${file}: ${error.message}` : `Cannot read ${file}.`);
}
const { result, proven } = verified;
if (result.ok && manifest) {
  const exportFile = join(dir, manifest.fileName);
  if (manifest.format !== 'csv') {
    console.error(`${manifest.format.toUpperCase()} rows are not read: the file is checked by its SHA-256 against the export's proven event only.`);
  }
  const facts = { fileSha256: sha256OfFile(exportFile), proofsSha256: sha256OfFile(file), manifest };
  const records = csvRecords(textChunks(exportFile));
  const rows = manifest.format === 'csv'
    ? verifyCsvRows(records, proven, proofFile.head, facts, (seq, cells) => {
      // Only to name the column of an altered row: the proof file is scanned again for that one entry.
      const entry = proofEntry(file, seq);
      return entry ? expectedCells(auditEventFromLeaf(entry.leaf)!, entry.leaf, sha256).findIndex((cell, i) => cell !== cells[i]) : 0;
    })
    : verifyExportFacts(proofFile.head, facts, proven.size);
  if (!rows.ok) {
    console.log(`Export FAILS${rows.seq === undefined ? '' : ` at event seq ${rows.seq}`}: ${rows.problem} — ${rows.message}`);
    process.exit(1);
  }
  console.log(`Export file ${manifest.fileName} holds exactly its ${rows.rows} proven rows, and its manifest matches.`);
}
if (result.ok) {
  const extends_ = result.consistentFrom.length > 0 ? `; it extends the checkpoint${result.consistentFrom.length > 1 ? 's' : ''} of ${result.consistentFrom.join(', ')} events` : '';
  console.log(`Export proofs hold: ${result.events} events are in the log at checkpoint ${result.checkpoint.size} signed by ${key.name}${extends_}.`);
} else {
  console.log(`Export proofs FAIL${result.seq === undefined ? '' : ` at event seq ${result.seq}`}: ${result.problem} — ${result.message}`);
  process.exitCode = 1;
}
