/** Walks the audit hash chain and names the first event where it breaks (docs/audit.md, `audit verify`). */
import type { Kysely, Selectable } from 'kysely';
import type { AuditEventTable, ServerDatabase } from '../../db/server/schema.ts';
import type { AuditChainBreak, AuditChainResult } from '../../domain/audit/audit-chain.ts';
import { auditEventHash, GENESIS_HASH } from './audit-hash.ts';

type AuditRow = Selectable<AuditEventTable>;

/** Rows read per query; bounds memory however long the trail is. */
export const VERIFY_PAGE_SIZE = 1000;

/**
 * Verifies the chain up to the audit head read at the start, so events appended while it runs
 * are left for the next run. Every row's hash is recomputed, every `prev_hash` must equal the
 * previous row's hash, seq must run 1, 2, 3… without gaps, and the last row must be the head.
 */
export async function verifyAuditChain(db: Kysely<ServerDatabase>, pageSize = VERIFY_PAGE_SIZE): Promise<AuditChainResult> {
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
  if (!head) {
    return broken(1, 'tampered', 'The audit head row is missing, so the end of the chain cannot be checked.');
  }
  const headSeq = Number(head.seq);
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  for (;;) {
    const page = await db.selectFrom('audit_events').selectAll()
      .where('seq', '>=', expectedSeq).where('seq', '<=', headSeq)
      .orderBy('seq').limit(pageSize).execute();
    for (const row of page) {
      const problem = await checkRow(db, row, expectedSeq, prevHash, headSeq);
      if (problem) {
        return problem;
      }
      prevHash = row.hash;
      expectedSeq += 1;
    }
    if (page.length < pageSize) {
      break;
    }
  }
  const last = expectedSeq - 1;
  if (last < headSeq) {
    return broken(expectedSeq, 'truncated', `The audit head records ${headSeq} events but the trail ends at ${last}.`);
  }
  if (head.hash !== prevHash) {
    return broken(headSeq, 'tampered', 'The last event does not match the hash held by the audit head.');
  }
  return { ok: true, events: last, headHash: head.hash };
}

async function checkRow(
  db: Kysely<ServerDatabase>, row: AuditRow, expectedSeq: number, prevHash: string, headSeq: number,
): Promise<AuditChainBreak | undefined> {
  const seq = Number(row.seq);
  if (seq !== expectedSeq) {
    return broken(expectedSeq, 'deleted', `Event ${expectedSeq} is missing: the trail jumps to ${seq}.`);
  }
  if (auditEventHash({ ...row, seq }) !== row.hash) {
    // A genuine event sitting at another seq, which would verify here, means rows were moved, not edited.
    if (await misplacedEventExists(db, expectedSeq, prevHash, headSeq)) {
      return broken(seq, 'reordered', `Event ${seq} holds another event's content: events were reordered.`);
    }
    return broken(seq, 'tampered', `Event ${seq} does not match its hash: its content was changed.`);
  }
  if (row.prev_hash !== prevHash) {
    return broken(seq, 'deleted', `Event ${seq} does not link to the event before it: an event was removed or rewritten.`);
  }
  return undefined;
}

/** True when a later row claims to follow `prevHash` and verifies at `seq` — the event that belongs here. */
async function misplacedEventExists(db: Kysely<ServerDatabase>, seq: number, prevHash: string, headSeq: number): Promise<boolean> {
  // Only reached on a broken chain, so a scan of the rows after `seq` is acceptable; stop at the first fit.
  let after = seq;
  for (;;) {
    const page = await db.selectFrom('audit_events').selectAll()
      .where('seq', '>', after).where('seq', '<=', headSeq).where('prev_hash', '=', prevHash)
      .orderBy('seq').limit(VERIFY_PAGE_SIZE).execute();
    if (page.some((row) => auditEventHash({ ...row, seq }) === row.hash)) {
      return true;
    }
    const last = page.at(-1);
    if (!last || page.length < VERIFY_PAGE_SIZE) {
      return false;
    }
    after = Number(last.seq);
  }
}

function broken(firstBrokenSeq: number, reason: AuditChainBreak['reason'], message: string): AuditChainBreak {
  return { ok: false, firstBrokenSeq, reason, message };
}
