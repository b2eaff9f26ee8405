/**
 * The audit benchmark's world: one agency, a data officer, a handful of staff and `total` audit
 * events of realistic shapes (views, searches with terms, updates with old → new, justifications,
 * some of them formula-looking). The events form a real log: hash-chained, with the Merkle
 * frontier in the head, so the export job can record its own event, sign a checkpoint and prove rows.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import { AUDIT_ACTIONS, type AuditAction } from '../../domain/audit/audit-actions.ts';
import { auditLeafHash } from '../../domain/audit/audit-event-leaf.ts';
import { appendToFrontier, EMPTY_FRONTIER, encodeFrontier } from '../../domain/audit/merkle-frontier.ts';
import { auditEventHash, GENESIS_HASH } from '../../server/audit/audit-hash.ts';
import { sha256 } from '../../server/audit/sha256.ts';
import { buildAgency, buildUser } from '../../test/support/factories.ts';

/** What the benchmark needs to know about the world. */
export interface AuditWorld {
  total: number;
  agencyId: string;
  officerId: string;
  officerUsername: string;
}

const ACTIONS: AuditAction[] = ['record.view', 'record.view', 'record.view', 'record.search', 'record.update', 'record.create', 'document.download'];
const BATCH = 1000;

/** Inserts the world into a migrated database: the events, chained, their scope rows and the head's frontier. */
export async function buildAuditWorld(db: Kysely<ServerDatabase>, total: number): Promise<AuditWorld> {
  const agencyId = await buildAgency(db, { name: 'Bench council' });
  const officerId = (await buildUser(db, { agencyId, username: 'bench.officer', role: 'data_officer' })).id;
  const staff = Array.from({ length: 40 }, () => randomUUID());
  const start = Date.UTC(2026, 0, 1);
  let prevHash = GENESIS_HASH;
  let frontier = EMPTY_FRONTIER;
  for (let from = 0; from < total; from += BATCH) {
    const rows = [];
    for (let i = from; i < Math.min(total, from + BATCH); i += 1) {
      const action = ACTIONS[i % ACTIONS.length]!;
      const details = action === 'record.search' ? { terms: `smith ${i % 97}`, returned: i % 50 }
        : action === 'record.update' ? { changes: { riskLevel: { old: 'medium', new: 'high' }, title: { old: `Case ${i}`, new: `Case ${i} (updated)` } } }
          : {};
      const fields = {
        seq: i + 1, id: randomUUID(), at: new Date(start + i * 1000).toISOString(), user_id: null, agency_id: agencyId,
        team_id: null, device_id: null, ip: `10.0.${(i >> 8) & 255}.${i & 255}`, action, category: AUDIT_ACTIONS[action],
        entity_type: 'case', entity_id: staff[i % staff.length]!, outcome: 'success' as const,
        justification: i % 101 === 0 ? '=HYPERLINK("http://example.invalid","x")' : i % 13 === 0 ? 'Safeguarding review' : null,
        details: JSON.stringify(details), prev_hash: prevHash,
      };
      prevHash = auditEventHash(fields);
      frontier = appendToFrontier(sha256, frontier, auditLeafHash(sha256, fields));
      rows.push({ ...fields, hash: prevHash });
    }
    await db.insertInto('audit_events').values(rows).execute();
    // The scope index (migration 0014) is what the officer's search, and so the export, walks.
    await db.insertInto('audit_event_scopes').values(rows.map((r) => ({ agency_id: agencyId, seq: r.seq, case_id: null, person_id: null }))).execute();
  }
  await db.updateTable('audit_head').set({ seq: total, hash: prevHash, tree_frontier: encodeFrontier(frontier) }).where('id', '=', 1).execute();
  return { total, agencyId, officerId, officerUsername: 'bench.officer' };
}
