/**
 * The audit group commit (server/audit/audit-group-commit.ts, docs/audit.md "Group commit"): events
 * recorded "now" by concurrent requests share one flush transaction, in arrival order, and each
 * caller's promise settles only once its event is durable; a failing event rejects only its caller.
 */
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ServerDatabase } from '../../db/server/schema.ts';
import { joinAuditFlush } from '../../server/audit/audit-group-commit.ts';
import { recordAudit, recordAuditNow } from '../../server/audit/record-audit.ts';
import { verifyAuditChain } from '../../server/audit/verify-chain.ts';
import { openServerDb, type ServerDb } from '../../server/db/connect.ts';
import { testDialects } from '../support/test-databases.ts';
import { openAuditTestDb, recordSampleEvents, sampleEvent, type AuditTestDb } from './audit-chain-fixture.ts';

async function seqsOf(db: Kysely<ServerDatabase>): Promise<number[]> {
  return (await db.selectFrom('audit_events').select('seq').orderBy('seq').execute()).map((r) => Number(r.seq));
}

function oneToN(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i + 1);
}

describe.each(testDialects())('the audit group commit on %s', (dialect) => {
  let t: AuditTestDb;
  let other: ServerDb | undefined;

  beforeEach(async () => {
    t = await openAuditTestDb(dialect);
    await recordSampleEvents(t.db, 5);
  });
  afterEach(async () => {
    await other?.close();
    other = undefined;
    await t.dispose();
  });

  it('appends 50 concurrent events in arrival order, contiguous, in fewer transactions than events, and the chain verifies', async () => {
    const transactions = new Set<unknown>();
    const seqs = await Promise.all(Array.from({ length: 50 }, (_, i) => joinAuditFlush(t.db, (trx) => {
      transactions.add(trx);
      return recordAudit(trx, sampleEvent(100 + i));
    })));
    expect(seqs).toEqual(Array.from({ length: 50 }, (_, i) => 6 + i));
    expect(transactions.size).toBeLessThan(50);
    expect(await seqsOf(t.db)).toEqual(oneToN(55));
    const details = await t.db.selectFrom('audit_events').select(['seq', 'details']).where('seq', '>', 5).orderBy('seq').execute();
    expect(details.map((r) => (JSON.parse(r.details) as { i: number }).i)).toEqual(Array.from({ length: 50 }, (_, i) => 100 + i));
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, events: 55 });
  });

  it('rejects only the failing event\'s caller, leaving none of its writes and no gap, while the others commit', async () => {
    const results = await Promise.allSettled(Array.from({ length: 50 }, (_, i) => joinAuditFlush(t.db, async (trx) => {
      const seq = await recordAudit(trx, sampleEvent(100 + i, `agency-${i}`));
      if (i === 17 || i === 31) {
        throw new Error(`event ${i} refused after it was written`);
      }
      return seq;
    })));
    const rejected = results.flatMap((r, i) => (r.status === 'rejected' ? [[i, (r.reason as Error).message]] : []));
    expect(rejected).toEqual([[17, 'event 17 refused after it was written'], [31, 'event 31 refused after it was written']]);
    expect(await seqsOf(t.db)).toEqual(oneToN(53));
    const kept = await t.db.selectFrom('audit_events').select('details').where('seq', '>', 5).orderBy('seq').execute();
    expect(kept.map((r) => (JSON.parse(r.details) as { i: number }).i)).toEqual(Array.from({ length: 50 }, (_, i) => 100 + i).filter((i) => i !== 117 && i !== 131));
    // The refused events' scope rows went with them.
    const scoped = await t.db.selectFrom('audit_event_scopes').select('agency_id').where('agency_id', 'in', ['agency-17', 'agency-31', 'agency-18']).execute();
    expect(scoped.map((r) => r.agency_id)).toEqual(['agency-18']);
    const head = await t.db.selectFrom('audit_head').select('seq').executeTakeFirstOrThrow();
    expect(Number(head.seq)).toBe(53);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, events: 53 });
  });

  it('rejects a caller whose event the database refuses, and records the rest', async () => {
    const bad = { ...sampleEvent(7), action: 'no.such.action' as 'record.view' };
    const results = await Promise.allSettled([recordAuditNow(t.db, sampleEvent(6)), recordAuditNow(t.db, bad), recordAuditNow(t.db, sampleEvent(8))]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await seqsOf(t.db)).toEqual(oneToN(7));
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, events: 7 });
  });

  it('resolves each caller only once its event is committed: another connection sees it at once', async () => {
    other = openServerDb(t.database.config);
    const reader = other.db;
    const seen = await Promise.all(Array.from({ length: 30 }, (_, i) => recordAuditNow(t.db, sampleEvent(200 + i))
      .then(async (seq) => (await reader.selectFrom('audit_events').select('seq').where('seq', '=', seq).executeTakeFirst()) !== undefined)));
    expect(seen).toEqual(Array.from({ length: 30 }, () => true));
  });

  // Several API nodes share a database on PostgreSQL only; the embedded SQLite server is one process.
  it.runIf(dialect === 'postgres')('keeps one chain when two API nodes on the same database flush at once', async () => {
    other = openServerDb(t.database.config);
    const second = other.db;
    await Promise.all(Array.from({ length: 50 }, (_, i) => recordAuditNow(i % 2 === 0 ? t.db : second, sampleEvent(300 + i))));
    expect(await seqsOf(t.db)).toEqual(oneToN(55));
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, events: 55 });
  });

  it('commits another write with its event, or neither', async () => {
    const writeWith = (fail: boolean) => joinAuditFlush(t.db, async (trx) => {
      const id = fail ? 'agency-refused' : 'agency-kept';
      await trx.insertInto('agencies').values({ id, name: id, kind: 'council', code: id, created_at: '2026-12-06T00:00:00.000Z', seq: 0 }).execute();
      const seq = await recordAudit(trx, { ...sampleEvent(9), entityType: 'agency', entityId: id });
      if (fail) {
        throw new Error('refused');
      }
      return seq;
    });
    const results = await Promise.allSettled([writeWith(false), writeWith(true)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    const agencies = await t.db.selectFrom('agencies').select('id').where('id', 'in', ['agency-kept', 'agency-refused']).execute();
    expect(agencies.map((a) => a.id)).toEqual(['agency-kept']);
    const entities = await t.db.selectFrom('audit_events').select('entity_id').where('entity_type', '=', 'agency').execute();
    expect(entities.map((e) => e.entity_id)).toEqual(['agency-kept']);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, events: 6 });
  });
});
