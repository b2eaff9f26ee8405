import { Migrator, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { serverMigrationProvider } from '../../db/server/migrations/index.ts';
import { decodeFrontier, frontierRoot } from '../../domain/audit/merkle-frontier.ts';
import { verifyAuditChain } from '../../server/audit/verify-chain.ts';
import { verifyAuditLog } from '../../server/audit/verify-log.ts';
import { sha256 } from '../../server/audit/sha256.ts';
import { useServerMigration } from '../support/server-migration.ts';
import { testDialects } from '../support/test-databases.ts';
import { recordSampleEvents } from './audit-chain-fixture.ts';
import { logFixture } from './audit-log-fixture.ts';
import { auditEventHash, GENESIS_HASH } from '../../server/audit/audit-hash.ts';
import { newId } from '../../domain/ids.ts';

describe.each(testDialects())('migration 0015_audit_merkle_log on %s', (dialect) => {
  const m = useServerMigration(dialect, '0013_change_prior_audience');

  /** Records events the way the code before 0015 did: chain only, no frontier. */
  const recordOldStyle = async (count: number): Promise<void> => {
    for (let i = 1; i <= count; i += 1) {
      await m.db.transaction().execute(async (trx) => {
        const head = await sql<{ seq: number; hash: string }>`update audit_head set seq = seq + 1 where id = 1 returning seq, hash`.execute(trx);
        const { seq, hash: prev } = head.rows[0]!;
        const fields = {
          seq: Number(seq), id: newId(), at: new Date(Date.UTC(2026, 9, 1, 8, 0, i)).toISOString(), user_id: newId(), agency_id: newId(),
          team_id: null, device_id: null, ip: '10.0.0.3', action: 'record.view', category: 'consultation', entity_type: 'case',
          entity_id: newId(), outcome: 'success', justification: null, details: JSON.stringify({ old: i }), prev_hash: prev,
        };
        const hash = auditEventHash(fields);
        await trx.insertInto('audit_events').values({ ...fields, hash }).execute();
        await sql`update audit_head set hash = ${hash} where id = 1`.execute(trx);
      });
    }
  };

  it('makes the existing chain the first leaves of the log, and verification covers old and new events', async () => {
    await recordOldStyle(11);
    const before = await verifyAuditChain(m.db);
    await m.migrateTo('0015_audit_merkle_log');
    expect(await verifyAuditChain(m.db)).toEqual(before);
    const head = await m.db.selectFrom('audit_head').select(['seq', 'tree_frontier']).executeTakeFirstOrThrow();
    expect(decodeFrontier(11, head.tree_frontier)?.nodes.length).toBe(3);

    const log = logFixture(m.db);
    expect(await log.signer.signNow()).toMatchObject({ published: true, checkpoint: { size: 11 } });
    await recordSampleEvents(m.db, 6);
    expect(await log.signer.signNow()).toMatchObject({ published: true, checkpoint: { size: 17 } });
    expect(await verifyAuditLog(m.db, await log.published(), log.key.verifierKey)).toMatchObject({ ok: true, events: 17, checkpoints: 2 });
  });

  it('starts an empty log at the empty tree', async () => {
    await m.migrateTo('0015_audit_merkle_log');
    const head = await m.db.selectFrom('audit_head').select(['seq', 'hash', 'tree_frontier']).executeTakeFirstOrThrow();
    expect(head).toEqual({ seq: head.seq, hash: GENESIS_HASH, tree_frontier: '' });
    expect(Buffer.from(frontierRoot(sha256, decodeFrontier(0, '')!)).toString('hex')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('refuses to migrate a trail with a missing event rather than baking the gap into the log', async () => {
    await recordOldStyle(4);
    await m.db.deleteFrom('audit_events').where('seq', '=', 2).execute().catch(async () => {
      // 0003's triggers refuse the delete; lift them as a DBA could.
      if (dialect === 'postgres') {
        await sql`alter table audit_events disable trigger all`.execute(m.db);
      } else {
        await sql`drop trigger audit_events_no_delete`.execute(m.db);
      }
      await m.db.deleteFrom('audit_events').where('seq', '=', 2).execute();
    });
    const { error } = await new Migrator({ db: m.db, provider: serverMigrationProvider }).migrateTo('0015_audit_merkle_log');
    expect(String(error)).toMatch(/Audit event 2 is missing/);
    expect(await m.columnsOf('audit_head')).not.toContain('tree_frontier');
  });

  it('drops the frontier when migrated down, keeping events and chain', async () => {
    await recordOldStyle(3);
    await m.migrateTo('0015_audit_merkle_log');
    await m.migrateTo('0013_change_prior_audience');
    expect(await m.columnsOf('audit_head')).not.toContain('tree_frontier');
    expect(await verifyAuditChain(m.db)).toMatchObject({ ok: true, events: 3 });
  });
});
