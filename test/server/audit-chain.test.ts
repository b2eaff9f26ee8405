import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditEventHash } from '../../server/audit/audit-hash.ts';
import { recordAudit, recordAuditNow } from '../../server/audit/record-audit.ts';
import { verifyAuditChain } from '../../server/audit/verify-chain.ts';
import { testDialects } from '../support/test-databases.ts';
import { asMaliciousDba, openAuditTestDb, recordSampleEvents, sampleEvent, swapEventContent, type AuditTestDb } from './audit-chain-fixture.ts';

describe.each(testDialects())('the audit hash chain on %s', (dialect) => {
  let t: AuditTestDb;

  beforeEach(async () => {
    t = await openAuditTestDb(dialect);
    await recordSampleEvents(t.db, 25);
  });
  afterEach(() => t.dispose());

  it('verifies an untouched chain of 25 events, ending at the audit head', async () => {
    const head = await t.db.selectFrom('audit_head').selectAll().executeTakeFirstOrThrow();
    expect(await verifyAuditChain(t.db)).toEqual({ ok: true, events: 25, headHash: head.hash });
  });

  it('verifies the same chain when read in pages smaller than the chain', async () => {
    expect(await verifyAuditChain(t.db, 4)).toMatchObject({ ok: true, events: 25 });
  });

  it('detects a changed field at exactly the tampered event', async () => {
    await asMaliciousDba(t, (db) => db.updateTable('audit_events').set({ details: '{"i":7}' }).where('seq', '=', 7).execute());
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, firstBrokenSeq: 7, reason: 'tampered' });
  });

  it('detects a changed outcome even when the row is re-hashed, because the next event no longer links to it', async () => {
    await asMaliciousDba(t, async (db) => {
      const row = await db.selectFrom('audit_events').selectAll().where('seq', '=', 7).executeTakeFirstOrThrow();
      const forged = { ...row, seq: Number(row.seq), outcome: 'denied' };
      await db.updateTable('audit_events').set({ outcome: 'denied', hash: auditEventHash(forged) }).where('seq', '=', 7).execute();
    });
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, firstBrokenSeq: 8, reason: 'deleted' });
  });

  it('detects a deleted middle event as a gap at its seq', async () => {
    await asMaliciousDba(t, (db) => db.deleteFrom('audit_events').where('seq', '=', 12).execute());
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, firstBrokenSeq: 12, reason: 'deleted' });
  });

  it('detects a deletion that falls on a page boundary', async () => {
    await asMaliciousDba(t, (db) => db.deleteFrom('audit_events').where('seq', '=', 9).execute());
    expect(await verifyAuditChain(t.db, 4)).toMatchObject({ ok: false, firstBrokenSeq: 9, reason: 'deleted' });
  });

  it('detects two events swapped in place as a reordering at the first of them', async () => {
    await asMaliciousDba(t, (db) => swapEventContent(db, 9, 10));
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, firstBrokenSeq: 9, reason: 'reordered' });
  });

  it('detects a deleted last event as a truncated tail, because the head is ahead of the trail', async () => {
    await asMaliciousDba(t, (db) => db.deleteFrom('audit_events').where('seq', '=', 25).execute());
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, firstBrokenSeq: 25, reason: 'truncated' });
  });

  it('detects an emptied trail as truncated from the first event', async () => {
    await asMaliciousDba(t, (db) => db.deleteFrom('audit_events').execute());
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, firstBrokenSeq: 1, reason: 'truncated' });
  });

  it('refuses a plain UPDATE or DELETE of an event in the database itself, leaving the chain intact', async () => {
    await expect(t.db.updateTable('audit_events').set({ outcome: 'denied' }).where('seq', '=', 3).execute()).rejects.toThrow(/append-only/);
    await expect(t.db.deleteFrom('audit_events').where('seq', '=', 3).execute()).rejects.toThrow(/append-only/);
    await expect(t.db.deleteFrom('audit_events').execute()).rejects.toThrow(/append-only/);
    if (dialect === 'postgres') {
      await expect(sql`truncate audit_events`.execute(t.db)).rejects.toThrow(/append-only/);
    }
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, events: 25 });
  });

  it('refuses to rewind or delete the audit head, which would hide a truncated tail', async () => {
    await expect(t.db.updateTable('audit_head').set({ seq: 24 }).where('id', '=', 1).execute()).rejects.toThrow(/only moves forward/);
    await expect(t.db.deleteFrom('audit_head').execute()).rejects.toThrow(/only moves forward/);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, events: 25 });
  });

  it('leaves no gap when the transaction that recorded an event rolls back', async () => {
    await expect(t.db.transaction().execute(async (trx) => {
      await recordAudit(trx, sampleEvent(99));
      throw new Error('the change failed');
    })).rejects.toThrow('the change failed');
    await recordAuditNow(t.db, sampleEvent(100));
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, events: 26 });
  });

  it('keeps one intact chain when 50 writers record at once', async () => {
    await Promise.all(Array.from({ length: 50 }, (_, i) => recordAuditNow(t.db, sampleEvent(100 + i))));
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, events: 75 });
    const seqs = (await t.db.selectFrom('audit_events').select('seq').orderBy('seq').execute()).map((r) => Number(r.seq));
    expect(seqs).toEqual(Array.from({ length: 75 }, (_, i) => i + 1));
  });
});
