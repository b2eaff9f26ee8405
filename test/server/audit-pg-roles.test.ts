/**
 * PostgreSQL role separation against the real PostgreSQL (docs/audit.md): migrations run as the
 * owner role, and the API's role can append to the audit trail but cannot UPDATE, DELETE or
 * TRUNCATE it, nor drop or disable its triggers, so only the owner could rewrite it.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAuditNow } from '../../server/audit/record-audit.ts';
import { verifyAuditChain } from '../../server/audit/verify-chain.ts';
import { startServer, type RunningServer } from '../../server/start-server.ts';
import { buildAgency } from '../support/factories.ts';
import { sampleEvent } from './audit-chain-fixture.ts';

const adminUrl = process.env.TEST_DATABASE_URL;

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

function urlFor(role: string, password: string, database: string): string {
  const url = new URL(adminUrl!);
  url.username = role;
  url.password = password;
  url.pathname = `/${database}`;
  return url.toString();
}

describe.runIf(adminUrl)('the API role on PostgreSQL', () => {
  const tag = `${process.pid}_${randomBytes(4).toString('hex')}`;
  const owner = `cb_owner_${tag}`;
  const api = `cb_api_${tag}`;
  const database = `cb_roles_${tag}`;
  const password = randomBytes(12).toString('hex');
  const dataDir = mkdtempSync(join(tmpdir(), 'cb-roles-'));
  let server: RunningServer;

  beforeAll(async () => {
    await admin(`CREATE ROLE ${owner} LOGIN PASSWORD '${password}'`);
    await admin(`CREATE ROLE ${api} LOGIN PASSWORD '${password}'`);
    await admin(`CREATE DATABASE ${database} OWNER ${owner}`);
    server = await startServer({
      database: { dialect: 'postgres', url: urlFor(api, password, database), migrationUrl: urlFor(owner, password, database) },
      dataDir, host: '127.0.0.1', port: 0, jwtSecret: 'test-secret-that-is-long-enough-for-hs256-signing', totpKey: '5a'.repeat(32),
      accessTokenSeconds: 900, refreshTokenDays: 14,
    }, { logger: false });
    for (let i = 1; i <= 3; i += 1) {
      await recordAuditNow(server.db, sampleEvent(i));
    }
  });
  afterAll(async () => {
    await server.close();
    await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin(`DROP ROLE IF EXISTS ${api}`);
    await admin(`DROP ROLE IF EXISTS ${owner}`);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('connects as the API role, which owns nothing, and appends events and ordinary records', async () => {
    const { rows } = await sql<{ who: string; owner: string }>`select current_user as who, tableowner as owner from pg_tables where tablename = 'audit_events'`.execute(server.db);
    expect(rows).toEqual([{ who: api, owner }]);
    await buildAgency(server.db);
    expect(await verifyAuditChain(server.db)).toMatchObject({ ok: true, events: 3 });
    expect(await server.ctx.auditCheckpoints.signNow()).toMatchObject({ checkpoint: { size: 3 } });
  });

  it('cannot UPDATE, DELETE or TRUNCATE audit events or receipts, even past the triggers', async () => {
    for (const statement of [
      sql`update audit_events set outcome = 'denied' where seq = 2`,
      sql`delete from audit_events where seq = 2`,
      sql`truncate audit_events`,
      sql`update client_audit_events set device_id = device_id`,
      sql`delete from client_audit_events`,
      sql`delete from audit_head`,
      sql`truncate audit_head`,
      sql`delete from kysely_migration`,
    ]) {
      await expect(statement.execute(server.db)).rejects.toThrow(/permission denied/);
    }
    await expect(sql`update audit_head set seq = 1 where id = 1`.execute(server.db)).rejects.toThrow(/only moves forward/);
    expect(await verifyAuditChain(server.db)).toMatchObject({ ok: true, events: 3 });
  });

  it('cannot drop or disable the triggers, turn them off for its session, or add its own', async () => {
    for (const statement of [
      sql`drop trigger audit_events_append_only on audit_events`,
      sql`alter table audit_events disable trigger all`,
      sql`alter table audit_head disable trigger audit_head_forward_only`,
      sql`drop function audit_refuse_change() cascade`,
      sql`drop table audit_events`,
    ]) {
      await expect(statement.execute(server.db)).rejects.toThrow(/must be owner/);
    }
    await expect(sql`set session_replication_role = replica`.execute(server.db)).rejects.toThrow(/permission denied/);
    await expect(sql`create trigger t after insert on audit_events for each row execute function audit_refuse_change()`.execute(server.db))
      .rejects.toThrow(/permission denied|must be owner/);
    const { rows } = await sql<{ tgenabled: string }>`select tgenabled from pg_trigger where tgname = 'audit_events_append_only'`.execute(server.db);
    expect(rows).toEqual([{ tgenabled: 'O' }]);
  });

  it('refuses an owner URL that names the API role itself', async () => {
    const same = urlFor(api, password, database);
    await expect(startServer({
      database: { dialect: 'postgres', url: same, migrationUrl: same }, dataDir, host: '127.0.0.1', port: 0,
      jwtSecret: 'test-secret-that-is-long-enough-for-hs256-signing', totpKey: '5a'.repeat(32), accessTokenSeconds: 900, refreshTokenDays: 14,
    }, { logger: false })).rejects.toThrow(/must name another role/);
  });
});
