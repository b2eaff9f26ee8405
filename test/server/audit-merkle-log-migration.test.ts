import { Migrator, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { serverMigrationProvider } from '../../db/server/migrations/index.ts';
import { decodeFrontier, frontierRoot } from '../../domain/audit/merkle-frontier.ts';
import { verifyAuditChain } from '../../server/audit/verify-chain.ts';
import { verifyAuditLog } from '../../server/audit/verify-log.ts';
import { sha256 } from '../../server/audit/sha256.ts';
import { useServerMigration } from '../support/server-migration.ts';
import { testDialects } from '../support/test-databases.ts';
import { recordSampleEvents, recordSampleEventsBeforeLog } from './audit-chain-fixture.ts';
import { logFixture } from './audit-log-fixture.ts';
import { GENESIS_HASH } from '../../server/audit/audit-hash.ts';

describe.each(testDialects())('migration 0015_audit_merkle_log on %s', (dialect) => {
  const m = useServerMigration(dialect, '0014_audit_event_scopes');

  const recordOldStyle = (count: number): Promise<void> => recordSampleEventsBeforeLog(m.db, count);

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
    await m.migrateTo('0014_audit_event_scopes');
    expect(await m.columnsOf('audit_head')).not.toContain('tree_frontier');
    expect(await verifyAuditChain(m.db)).toMatchObject({ ok: true, events: 3 });
  });
});
