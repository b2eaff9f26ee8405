/**
 * 0015: the audit trail becomes a Merkle log (docs/audit.md, "The log"). The audit head keeps the
 * tree's frontier (its compact range) so an append costs a few hashes and no extra row; the events
 * already recorded become the first leaves, in seq order.
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { auditLeafHash, type AuditLeafEvent } from '../../../domain/audit/audit-event-leaf.ts';
import { appendToFrontier, EMPTY_FRONTIER, encodeFrontier } from '../../../domain/audit/merkle-frontier.ts';

const sha256 = (data: Uint8Array): Uint8Array => createHash('sha256').update(data).digest();
const PAGE = 1000;

/** Adds `audit_head.tree_frontier` and fills it from the existing events. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('audit_head').addColumn('tree_frontier', 'text', (c) => c.notNull().defaultTo('')).execute();
  let frontier = EMPTY_FRONTIER;
  for (;;) {
    // The events are leaves exactly as stored; the chain check (audit:verify) still judges their content.
    const { rows } = await sql<AuditLeafEvent>`select * from audit_events where seq > ${frontier.size} order by seq limit ${PAGE}`.execute(db);
    for (const row of rows) {
      if (Number(row.seq) !== frontier.size + 1) {
        throw new Error(`Audit event ${frontier.size + 1} is missing; run npm run audit:verify before migrating.`);
      }
      frontier = appendToFrontier(sha256, frontier, auditLeafHash(sha256, row));
    }
    if (rows.length < PAGE) {
      break;
    }
  }
  const { rows } = await sql<{ seq: number }>`select seq from audit_head where id = 1`.execute(db);
  if (Number(rows[0]?.seq ?? 0) !== frontier.size) {
    throw new Error('The audit head does not match the events; run npm run audit:verify before migrating.');
  }
  await sql`update audit_head set tree_frontier = ${encodeFrontier(frontier)} where id = 1`.execute(db);
}

/** Drops the frontier; the events and the hash chain are untouched. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('audit_head').dropColumn('tree_frontier').execute();
}
