/** Reads the log's leaves from `audit_events` in seq order, a page at a time, for tree rebuilds. */
import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import { AUDIT_LEAF_FIELDS, auditLeafHash, type AuditLeafEvent } from '../../domain/audit/audit-event-leaf.ts';
import { sha256 } from './sha256.ts';

/** Rows read per query. */
export const LEAF_PAGE_SIZE = 1000;

/**
 * Calls `visit` with each event seq `from`..`to` and its leaf hash, in order. Stops with the seq of
 * the first missing event (a gap), or undefined when every event was there.
 */
export async function forEachAuditLeaf(
  db: Kysely<ServerDatabase>, from: number, to: number,
  visit: (seq: number, leafHash: Uint8Array, event: AuditLeafEvent) => void,
): Promise<number | undefined> {
  let next = from;
  while (next <= to) {
    // The leaf's columns only: the stored hash is the chain's, not the tree's.
    const page = await db.selectFrom('audit_events').select(AUDIT_LEAF_FIELDS).where('seq', '>=', next).where('seq', '<=', to)
      .orderBy('seq').limit(LEAF_PAGE_SIZE).execute();
    for (const row of page) {
      const event = { ...row, seq: Number(row.seq) };
      if (event.seq !== next) {
        return next;
      }
      visit(next, auditLeafHash(sha256, event), event);
      next += 1;
    }
    if (page.length === 0) {
      return next;
    }
  }
  return undefined;
}

