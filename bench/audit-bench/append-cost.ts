/**
 * The cost of appending one audit event with today's hash chain (lock the head, hash, insert,
 * move the head: `recordAuditNow`), beside a bare insert of the same row in its own transaction.
 * A replacement log (the Merkle log of docs/audit.md) adds its own line here to give the ratio.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { recordAuditNow } from '../../server/audit/record-audit.ts';
import { openServerDb } from '../../server/db/connect.ts';
import { migrateServerDb } from '../../server/db/migrate.ts';

/** Microseconds per appended event, chained and bare. */
export interface AppendCost {
  events: number;
  chainedMicros: number;
  bareMicros: number;
}

/** Measures `events` appends of each kind on a fresh SQLite database in `dir`. */
export async function measureAppendCost(dir: string, events: number): Promise<AppendCost> {
  const opened = openServerDb({ dialect: 'sqlite', file: join(dir, 'append.db') });
  try {
    await migrateServerDb(opened.db);
    const actor = { userId: null, agencyId: null, ip: '10.0.0.1' };
    const at = new Date();
    // Warm-up: statement caches and the page cache.
    for (let i = 0; i < 200; i += 1) {
      await recordAuditNow(opened.db, { actor, action: 'record.view', entityType: 'case', entityId: randomUUID(), outcome: 'success', at });
    }
    let started = performance.now();
    for (let i = 0; i < events; i += 1) {
      await recordAuditNow(opened.db, { actor, action: 'record.view', entityType: 'case', entityId: randomUUID(), outcome: 'success', at, details: { i } });
    }
    const chainedMicros = ((performance.now() - started) * 1000) / events;
    const base = 10_000_000;
    started = performance.now();
    for (let i = 0; i < events; i += 1) {
      await opened.db.transaction().execute((trx) => trx.insertInto('audit_events').values({
        seq: base + i, id: randomUUID(), at: at.toISOString(), user_id: null, agency_id: null, team_id: null, device_id: null, ip: '10.0.0.1',
        action: 'record.view', category: 'consultation', entity_type: 'case', entity_id: randomUUID(), outcome: 'success', justification: null,
        details: JSON.stringify({ i }), prev_hash: '0'.repeat(64), hash: randomBytes(32).toString('hex'),
      }).execute());
    }
    const bareMicros = ((performance.now() - started) * 1000) / events;
    return { events, chainedMicros, bareMicros };
  } finally {
    await opened.close();
  }
}
