/**
 * Proofs for exports (docs/audit.md, "Export proofs"): the server's proof file for an export's
 * events passes the offline verifier, and every tampering with the file or the log behind it is
 * caught by the verifier, naming the first bad event where one can be named.
 */
import { createHash, createPublicKey, verify } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditProofBundle } from '../../domain/audit/audit-proof-bundle.ts';
import { formatCheckpoint } from '../../domain/audit/tlog-checkpoint.ts';
import { verifyProofBundle, type ProofCrypto } from '../../domain/audit/verify-proof-bundle.ts';
import { buildExportProofs, exportProofDetails, sortedExportProofDetails } from '../../server/audit/export-proofs.ts';
import { recordAuditNow } from '../../server/audit/record-audit.ts';
import { writeExportProofs } from '../../server/audit-exports/write-export-proofs.ts';
import { verifyAuditLog } from '../../server/audit/verify-log.ts';
import { newId } from '../../domain/ids.ts';
import { testDialects } from '../support/test-databases.ts';
import { asMaliciousDba, openAuditTestDb, recordSampleEvents, type AuditTestDb } from './audit-chain-fixture.ts';
import { deleteAndCloseGap, forgerKey, logFixture, rechainFromRows, type LogFixture } from './audit-log-fixture.ts';

// The verifier's crypto, as an independent implementation would write it: node:crypto only.
const crypto: ProofCrypto = {
  sha256: (data) => createHash('sha256').update(data).digest(),
  verifyEd25519: (publicKey, message, signature) =>
    verify(null, message, createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKey).toString('base64url') }, format: 'jwk' }), signature),
};
const EXPORTED = [2, 3, 8, 13, 21, 22];

describe.each(testDialects())('export proofs on %s', (dialect) => {
  let t: AuditTestDb;
  let log: LogFixture;
  let earlier: string;

  /** Records the export's own event naming the rows, signs, and builds the proof file from `earlier`. */
  const exportNow = async (seqs = EXPORTED): Promise<AuditProofBundle> => {
    await recordAuditNow(t.db, {
      actor: { userId: newId(), agencyId: newId(), ip: '10.0.0.2' }, action: 'export.create', outcome: 'success',
      justification: 'subject access request', details: exportProofDetails(seqs), at: new Date(),
    });
    const signed = await log.signer.signNow();
    return buildExportProofs(t.db, log.key.verifierKey, { seqs, checkpoint: signed.note, exportSeq: signed.checkpoint.size, since: [earlier] });
  };
  const check = (bundle: AuditProofBundle, trusted = [earlier]): ReturnType<typeof verifyProofBundle> =>
    verifyProofBundle(bundle, log.key.verifierKey, crypto, trusted);

  beforeEach(async () => {
    t = await openAuditTestDb(dialect);
    log = logFixture(t.db);
    await recordSampleEvents(t.db, 15);
    earlier = (await log.signer.signNow()).note;
    await recordSampleEvents(t.db, 10);
  });
  afterEach(() => t.dispose());

  it('proves every exported event is in the log, the export names exactly these rows, and the log extends the earlier checkpoint', async () => {
    const bundle = await exportNow();
    expect(bundle.events.map((e) => e.index + 1)).toEqual(EXPORTED);
    expect(check(bundle)).toEqual({ ok: true, checkpoint: expect.objectContaining({ size: 26 }) as unknown, events: 6, consistentFrom: [15] });
  });

  it('streams, in the file\'s layout, byte for byte what buildExportProofs builds, for sparse and whole exports', async () => {
    for (const seqs of [EXPORTED, Array.from({ length: 25 }, (_, i) => i + 1), [1], [25]]) {
      const bundle = await exportNow(seqs);
      const out = new PassThrough();
      const written = text(out);
      await writeExportProofs(t.db, log.key.verifierKey, { seqs, checkpoint: bundle.checkpoint, exportSeq: bundle.export!.index + 1, since: [earlier] }, out);
      // The layout of docs/audit.md: every field but events on the first line, then one entry a line.
      const head = JSON.stringify({ format: bundle.format, checkpoint: bundle.checkpoint, export: bundle.export, consistency: bundle.consistency });
      const expected = `${head.slice(0, -1)},\n"events":[${bundle.events.map((e) => `\n${JSON.stringify(e)}`).join(',')}\n]}\n`;
      expect(await written).toBe(expected);
      expect(check(bundle).ok).toBe(true);
    }
  });

  it('names the event whose content was changed in the file', async () => {
    const bundle = await exportNow();
    bundle.events[3]!.leaf = bundle.events[3]!.leaf.replace('"success"', '"denied"');
    expect(check(bundle)).toMatchObject({ ok: false, problem: 'event_not_in_log', seq: 13 });
  });

  it('catches an event removed from the file, because the export event fixed the rows', async () => {
    const bundle = await exportNow();
    bundle.events.splice(2, 1);
    expect(check(bundle)).toMatchObject({ ok: false, problem: 'export_rows_mismatch' });
  });

  it('names the first event out of place when rows were reordered', async () => {
    const bundle = await exportNow();
    [bundle.events[1], bundle.events[2]] = [bundle.events[2]!, bundle.events[1]!];
    expect(check(bundle)).toMatchObject({ ok: false, problem: 'event_out_of_order', seq: 3 });
  });

  it('names the first event moved to another seq', async () => {
    const bundle = await exportNow();
    bundle.events[0]!.index = 0;
    expect(check(bundle)).toMatchObject({ ok: false, problem: 'event_not_in_log', seq: 1 });
  });

  it('catches a truncated log: a checkpoint smaller than one already trusted, from the first missing seq', async () => {
    const later = (await log.signer.signNow()).note;
    const bundle = await buildExportProofs(t.db, log.key.verifierKey, { seqs: [2, 3], checkpoint: earlier });
    expect(check(bundle, [later])).toMatchObject({ ok: false, problem: 'inconsistent', seq: 16 });
  });

  it('catches a log rewritten and re-signed with another key', async () => {
    await asMaliciousDba(t, async (db) => {
      await deleteAndCloseGap(db, 8);
      await rechainFromRows(db);
    });
    const forger = forgerKey(log.config.origin);
    const size = Number((await t.db.selectFrom('audit_head').select('seq').executeTakeFirstOrThrow()).seq);
    const root = (await verifyAuditLog(t.db, [], log.key.verifierKey));
    expect(root.ok).toBe(true);
    const forged = forger.signNote(formatCheckpoint({ origin: log.config.origin, size, root: Buffer.from(root.ok ? root.rootBase64 : '', 'base64') }));
    const bundle = await buildExportProofs(t.db, forger.verifierKey, { seqs: [2, 3, 8], checkpoint: forged });
    expect(check(bundle)).toMatchObject({ ok: false, problem: 'checkpoint_signature' });
  });

  it('catches a log rewritten and re-signed with the real key by a fooled signer, since it no longer extends the trusted checkpoint', async () => {
    await asMaliciousDba(t, async (db) => {
      await db.updateTable('audit_events').set({ ip: '192.0.2.66' }).where('seq', '=', 4).execute();
      await rechainFromRows(db);
    });
    const rewritten = await verifyAuditLog(t.db, [], log.key.verifierKey);
    const size = rewritten.ok ? rewritten.events : 0;
    const fooled = log.key.signNote(formatCheckpoint({ origin: log.config.origin, size, root: Buffer.from(rewritten.ok ? rewritten.rootBase64 : '', 'base64') }));
    // The server cannot even produce the consistency proof; a forged file with any proof still fails.
    await expect(buildExportProofs(t.db, log.key.verifierKey, { seqs: [4], checkpoint: fooled, since: [earlier] })).rejects.toThrow(/does not extend/);
    const bundle = await buildExportProofs(t.db, log.key.verifierKey, { seqs: [4], checkpoint: fooled });
    expect(check({ ...bundle, consistency: [{ from: earlier, proof: [] }] })).toMatchObject({ ok: false, problem: 'inconsistent' });
    expect(check(bundle)).toMatchObject({ ok: false, problem: 'missing_consistency' });
  });

  it('refuses to prove against a checkpoint the log no longer matches, and seqs outside it', async () => {
    const bundle = await exportNow();
    await expect(buildExportProofs(t.db, log.key.verifierKey, { seqs: [27], checkpoint: bundle.checkpoint })).rejects.toMatchObject({ code: 'validation_error' });
    await asMaliciousDba(t, async (db) => {
      await db.updateTable('audit_events').set({ ip: '192.0.2.66' }).where('seq', '=', 4).execute();
      await rechainFromRows(db);
    });
    await expect(buildExportProofs(t.db, log.key.verifierKey, { seqs: [4], checkpoint: bundle.checkpoint })).rejects.toMatchObject({ code: 'conflict' });
  });
});

describe('sortedExportProofDetails', () => {
  it('gives what exportProofDetails gives for ascending distinct seqs, across its slices', () => {
    const seqs = Array.from({ length: 25_003 }, (_, i) => i * 3 + 1);
    expect(sortedExportProofDetails(seqs)).toEqual(exportProofDetails(seqs));
    expect(sortedExportProofDetails([])).toEqual(exportProofDetails([]));
  });
});
