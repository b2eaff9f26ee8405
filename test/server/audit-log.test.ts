/**
 * The verifiable audit log (docs/audit.md): checkpoints signed with a key outside the database and
 * published to a file expose what the hash chain alone cannot — a rewrite whose chain and tree were
 * recomputed, a truncated log, checkpoints re-signed with another key — and `verifyAuditLog` names
 * the first bad event (or the span it lies in, when only signed roots can tell).
 */
import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendCheckpoint } from '../../server/audit/checkpoint-file.ts';
import { recordAuditNow } from '../../server/audit/record-audit.ts';
import { createCheckpointSigner } from '../../server/audit/sign-checkpoint.ts';
import { verifyAuditLog } from '../../server/audit/verify-log.ts';
import { testDialects } from '../support/test-databases.ts';
import { asMaliciousDba, openAuditTestDb, recordSampleEvents, sampleEvent, swapEventContent, type AuditTestDb } from './audit-chain-fixture.ts';
import { deleteAndCloseGap, forgerKey, logFixture, rechainFromRows, type LogFixture } from './audit-log-fixture.ts';

describe.each(testDialects())('the signed audit log on %s', (dialect) => {
  let t: AuditTestDb;
  let log: LogFixture;
  const verify = async (): ReturnType<typeof verifyAuditLog> => verifyAuditLog(t.db, await log.published(), log.key.verifierKey);

  beforeEach(async () => {
    t = await openAuditTestDb(dialect);
    log = logFixture(t.db);
    // Checkpoints at 5, 12 and 20 events; 25 events in all.
    for (const [from, to] of [[1, 5], [6, 12], [13, 20]] as const) {
      for (let i = from; i <= to; i += 1) {
        await recordAuditNow(t.db, sampleEvent(i));
      }
      await log.signer.signNow();
    }
    await recordSampleEvents(t.db, 5);
  });
  afterEach(() => t.dispose());

  it('verifies an untouched log against its three published checkpoints', async () => {
    expect((await log.published()).length).toBe(3);
    expect(await verify()).toMatchObject({ ok: true, events: 25, checkpoints: 3 });
  });

  it('publishes a checkpoint only when the log has grown, and then one for every new size', async () => {
    const again = await log.signer.signNow();
    expect(again).toMatchObject({ published: true, checkpoint: { size: 25 } });
    expect(await log.signer.signNow()).toMatchObject({ published: false, checkpoint: { size: 25 }, note: again.note });
    expect((await log.published()).length).toBe(4);
  });

  it('names a tampered event from the chain', async () => {
    await asMaliciousDba(t, (db) => db.updateTable('audit_events').set({ outcome: 'denied' }).where('seq', '=', 7).execute());
    expect(await verify()).toMatchObject({ ok: false, reason: 'tampered', firstBrokenSeq: 7 });
  });

  it('places a tampered event whose chain and tree were recomputed between the checkpoints around it, and the signer refuses it', async () => {
    await asMaliciousDba(t, async (db) => {
      await db.updateTable('audit_events').set({ outcome: 'denied' }).where('seq', '=', 7).execute();
      await rechainFromRows(db);
    });
    expect(await verify()).toMatchObject({ ok: false, reason: 'rewritten', firstBrokenSeq: 6, lastSuspectSeq: 12, checkpointLine: 2 });
    await expect(log.signer.signNow()).rejects.toThrow(/no longer match|does not match/);
    expect((await log.published()).length).toBe(3);
  });

  it('detects a deleted event, and a deletion covered up by renumbering and re-chaining', async () => {
    await asMaliciousDba(t, (db) => db.deleteFrom('audit_events').where('seq', '=', 15).execute());
    expect(await verify()).toMatchObject({ ok: false, reason: 'deleted', firstBrokenSeq: 15 });
    await asMaliciousDba(t, async (db) => {
      const later = await db.selectFrom('audit_events').select('seq').where('seq', '>', 15).orderBy('seq').execute();
      for (const row of later) {
        await db.updateTable('audit_events').set({ seq: Number(row.seq) - 1 }).where('seq', '=', Number(row.seq)).execute();
      }
      await rechainFromRows(db);
    });
    expect(await verify()).toMatchObject({ ok: false, reason: 'rewritten', firstBrokenSeq: 13, lastSuspectSeq: 20, checkpointLine: 3 });
  });

  it('detects reordered events, and a reordering covered up by re-chaining', async () => {
    await asMaliciousDba(t, (db) => swapEventContent(db, 9, 10));
    expect(await verify()).toMatchObject({ ok: false, reason: 'reordered', firstBrokenSeq: 9 });
    await asMaliciousDba(t, rechainFromRows);
    expect(await verify()).toMatchObject({ ok: false, reason: 'rewritten', firstBrokenSeq: 6, lastSuspectSeq: 12 });
  });

  it('detects a log truncated below a published checkpoint even when the head was rewound to match', async () => {
    await asMaliciousDba(t, async (db) => {
      await db.deleteFrom('audit_events').where('seq', '>', 16).execute();
      await rechainFromRows(db);
    });
    expect(await verify()).toMatchObject({ ok: false, reason: 'truncated', firstBrokenSeq: 17, checkpointLine: 3 });
    await expect(log.signer.signNow()).rejects.toThrow(/from seq 17 were removed/);
  });

  it('detects a rewritten log whose checkpoints were re-signed with another key, at the first forged checkpoint', async () => {
    await asMaliciousDba(t, async (db) => {
      await deleteAndCloseGap(db, 3);
      await rechainFromRows(db);
    });
    const forger = forgerKey(log.config.origin);
    const forged = logFixture(t.db);
    const signed = await createCheckpointSigner(t.db, forger, forged.config).signNow();
    // The forger replaces the published file with its own checkpoint.
    writeFileSync(log.config.checkpointFile, '');
    await appendCheckpoint(log.config.checkpointFile, signed.note, new Date());
    expect(await verify()).toMatchObject({ ok: false, reason: 'checkpoint_signature', checkpointLine: 1 });
  });

  it('refuses a checkpoint file whose entries were reordered', async () => {
    const lines = (await log.published()).map((p) => p.note);
    writeFileSync(log.config.checkpointFile, '');
    for (const note of [lines[0]!, lines[2]!, lines[1]!]) {
      await appendCheckpoint(log.config.checkpointFile, note, new Date());
    }
    expect(await verify()).toMatchObject({ ok: false, reason: 'checkpoint_order', checkpointLine: 3 });
  });

  it('detects a head frontier that no longer matches the events', async () => {
    await asMaliciousDba(t, (db) => db.updateTable('audit_head').set({ tree_frontier: 'ab'.repeat(32 * 2) }).where('id', '=', 1).execute());
    expect(await verify()).toMatchObject({ ok: false, reason: 'frontier' });
  });

  it('keeps one log when 40 writers record at once, and signs it', async () => {
    await Promise.all(Array.from({ length: 40 }, (_, i) => recordAuditNow(t.db, sampleEvent(100 + i))));
    expect(await log.signer.signNow()).toMatchObject({ published: true, checkpoint: { size: 65 } });
    expect(await verify()).toMatchObject({ ok: true, events: 65, checkpoints: 4 });
  });
});
