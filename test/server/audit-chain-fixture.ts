/** A migrated throwaway database with a recorded audit chain, and the tampering a malicious DBA would do. */
import { sql, type Kysely } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import { AUDIT_ACTIONS } from '../../domain/audit/audit-actions.ts';
import { newId } from '../../domain/ids.ts';
import { auditEventHash } from '../../server/audit/audit-hash.ts';
import { recordAuditNow, type AuditInput } from '../../server/audit/record-audit.ts';
import { openServerDb, type ServerDb } from '../../server/db/connect.ts';
import { migrateServerDb } from '../../server/db/migrate.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-databases.ts';

/** An open, migrated test database. */
export interface AuditTestDb extends ServerDb {
  database: TestDatabase;
  dispose(): Promise<void>;
}

/** Creates and migrates a fresh database of the dialect. */
export async function openAuditTestDb(dialect: 'sqlite' | 'postgres'): Promise<AuditTestDb> {
  const database = await createTestDatabase(dialect);
  const opened = openServerDb(database.config);
  await migrateServerDb(opened.db);
  return { ...opened, database, dispose: async () => { await opened.close(); await database.drop(); } };
}

/** A varied event; `i` spreads actions, agencies and times. */
export function sampleEvent(i: number, agencyId: string | null = null): AuditInput {
  return {
    actor: { userId: newId(), agencyId: agencyId ?? newId(), teamId: null, deviceId: null, ip: '10.0.0.1' },
    action: i % 3 === 0 ? 'record.view' : i % 3 === 1 ? 'record.update' : 'record.search',
    entityType: 'case', entityId: newId(), outcome: 'success',
    details: { i, fields: { title: { old: `t${i}`, new: `t${i + 1}` } } },
    at: new Date(Date.UTC(2026, 10, 1, 9, 0, i)),
  };
}

/** Records `count` events one after another through recordAudit. */
export async function recordSampleEvents(db: Kysely<ServerDatabase>, count: number): Promise<void> {
  for (let i = 1; i <= count; i += 1) {
    await recordAuditNow(db, sampleEvent(i));
  }
}

/** Lifts the append-only triggers the way a DBA with full rights could, and runs `tamper`. */
export async function asMaliciousDba(opened: ServerDb, tamper: (db: Kysely<ServerDatabase>) => Promise<unknown>): Promise<void> {
  if (opened.dialect === 'postgres') {
    await sql`alter table audit_events disable trigger all`.execute(opened.db);
    await sql`alter table audit_head disable trigger all`.execute(opened.db);
  } else {
    for (const name of ['audit_events_no_update', 'audit_events_no_delete', 'audit_head_no_rewind', 'audit_head_no_delete']) {
      await sql`drop trigger if exists ${sql.id(name)}`.execute(opened.db);
    }
  }
  await tamper(opened.db);
}

/** Swaps every column but seq between two events, leaving both internally consistent but out of place. */
export async function swapEventContent(db: Kysely<ServerDatabase>, a: number, b: number): Promise<void> {
  const rowA = await db.selectFrom('audit_events').selectAll().where('seq', '=', a).executeTakeFirstOrThrow();
  const rowB = await db.selectFrom('audit_events').selectAll().where('seq', '=', b).executeTakeFirstOrThrow();
  const { seq: _seqA, ...contentA } = rowA;
  const { seq: _seqB, ...contentB } = rowB;
  // ids are unique, so park one before moving the other.
  await db.updateTable('audit_events').set({ ...contentB, id: 'parked' }).where('seq', '=', a).execute();
  await db.updateTable('audit_events').set(contentA).where('seq', '=', b).execute();
  await db.updateTable('audit_events').set({ id: contentB.id }).where('seq', '=', a).execute();
}

/**
 * Records an event the way the code did before migrations 0014 and 0015 (the chain only: no scope
 * index rows, no tree frontier), for migration tests that run below them.
 */
export async function recordAuditBeforeLog(db: Kysely<ServerDatabase>, input: AuditInput): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ seq: number; hash: string }>`update audit_head set seq = seq + 1 where id = 1 returning seq, hash`.execute(trx);
    const { seq, hash: prev } = rows[0]!;
    const fields = {
      seq: Number(seq), id: newId(), at: input.at.toISOString(), user_id: input.actor.userId, agency_id: input.actor.agencyId,
      team_id: input.actor.teamId ?? null, device_id: input.actor.deviceId ?? null, ip: input.actor.ip, action: input.action,
      category: AUDIT_ACTIONS[input.action], entity_type: input.entityType ?? null, entity_id: input.entityId ?? null,
      outcome: input.outcome, justification: input.justification ?? null, details: JSON.stringify(input.details ?? {}), prev_hash: prev,
    };
    const hash = auditEventHash(fields);
    await trx.insertInto('audit_events').values({ ...fields, hash }).execute();
    await sql`update audit_head set hash = ${hash} where id = 1`.execute(trx);
  });
}

/** Records `count` sample events the way the code did before migration 0015. */
export async function recordSampleEventsBeforeLog(db: Kysely<ServerDatabase>, count: number, from = 1): Promise<void> {
  for (let i = from; i < from + count; i += 1) {
    await recordAuditBeforeLog(db, sampleEvent(i));
  }
}
