/**
 * Verifies the audit log (`npm run audit:verify`): the hash chain as before, then the Merkle tree
 * recomputed from the events against every published checkpoint and the head's stored frontier.
 * Every checkpoint root must equal the recomputed tree at its size, which is what consistency
 * between successive checkpoints means; a checkpoint is only trusted when signed by the log's key.
 */
import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import type { AuditLogBreak, AuditLogResult } from '../../domain/audit/audit-log-result.ts';
import { toBase64 } from '../../domain/audit/base64.ts';
import { appendToFrontier, EMPTY_FRONTIER, frontierRoot, decodeFrontier } from '../../domain/audit/merkle-frontier.ts';
import { bytesEqual } from '../../domain/audit/merkle-hash.ts';
import { openSignedNote, type NoteVerifierKey } from '../../domain/audit/signed-note.ts';
import { parseCheckpoint, type Checkpoint } from '../../domain/audit/tlog-checkpoint.ts';
import { forEachAuditLeaf } from './audit-leaves.ts';
import type { PublishedCheckpoint } from './checkpoint-file.ts';
import { verifyEd25519 } from './ed25519.ts';
import { sha256 } from './sha256.ts';
import { verifyAuditChain } from './verify-chain.ts';

type Opened = Checkpoint & { line: number };

/** Verifies chain, tree and checkpoints; `key` checks the checkpoints' signatures and origin. */
export async function verifyAuditLog(
  db: Kysely<ServerDatabase>, published: readonly PublishedCheckpoint[], key: NoteVerifierKey,
): Promise<AuditLogResult> {
  const chain = await verifyAuditChain(db);
  if (!chain.ok) {
    const { ok, ...rest } = chain;
    return { ok, ...rest };
  }
  const opened = openAll(published, key, chain.events);
  if (!Array.isArray(opened)) {
    return opened;
  }
  let frontier = EMPTY_FRONTIER;
  let pending = 0;
  let lastGood = 0;
  let problem: AuditLogBreak | undefined;
  const checkUpTo = (size: number): void => {
    while (!problem && pending < opened.length && opened[pending]!.size === size) {
      const cp = opened[pending]!;
      if (!bytesEqual(frontierRoot(sha256, frontier), cp.root)) {
        problem = {
          ok: false, reason: 'rewritten', firstBrokenSeq: lastGood + 1, lastSuspectSeq: cp.size, checkpointLine: cp.line,
          message: `The events no longer give the root signed for ${cp.size} events: one of events ${lastGood + 1}–${cp.size} was rewritten, removed or reordered and the chain recomputed.`,
        };
      }
      lastGood = cp.size;
      pending += 1;
    }
  };
  checkUpTo(0);
  await forEachAuditLeaf(db, 1, chain.events, (_seq, leafHash) => {
    frontier = appendToFrontier(sha256, frontier, leafHash);
    checkUpTo(frontier.size);
  });
  if (problem) {
    return problem;
  }
  const head = await db.selectFrom('audit_head').select(['seq', 'tree_frontier']).where('id', '=', 1).executeTakeFirstOrThrow();
  if (Number(head.seq) === chain.events) {
    const stored = decodeFrontier(chain.events, head.tree_frontier);
    if (!stored || !bytesEqual(frontierRoot(sha256, stored), frontierRoot(sha256, frontier))) {
      return { ok: false, reason: 'frontier', firstBrokenSeq: chain.events, message: 'The audit head\'s tree frontier does not match the events, so new checkpoints would be wrong.' };
    }
  }
  return { ok: true, events: chain.events, headHash: chain.headHash, rootBase64: toBase64(frontierRoot(sha256, frontier)), checkpoints: opened.length };
}

/** Opens every published checkpoint in file order: signed by `key`, of this log, sizes never shrinking, none beyond the log. */
function openAll(published: readonly PublishedCheckpoint[], key: NoteVerifierKey, events: number): Opened[] | AuditLogBreak {
  const opened: Opened[] = [];
  for (const entry of published) {
    const body = openSignedNote(entry.note, key, verifyEd25519);
    const checkpoint = body === undefined ? undefined : parseCheckpoint(body);
    if (checkpoint?.origin !== key.name) {
      return {
        ok: false, reason: 'checkpoint_signature', checkpointLine: entry.line,
        message: `Published checkpoint on line ${entry.line} is not a checkpoint signed by the audit key ${key.name}: it was forged or altered.`,
      };
    }
    const before = opened.at(-1);
    if (before && checkpoint.size < before.size) {
      return {
        ok: false, reason: 'checkpoint_order', checkpointLine: entry.line,
        message: `Published checkpoint on line ${entry.line} (${checkpoint.size} events) comes after one of ${before.size} events: the log was rolled back or the file reordered.`,
      };
    }
    if (checkpoint.size > events) {
      return {
        ok: false, reason: 'truncated', firstBrokenSeq: events + 1, checkpointLine: entry.line,
        message: `Checkpoint on line ${entry.line} was signed for ${checkpoint.size} events but the log holds ${events}: events from seq ${events + 1} were removed.`,
      };
    }
    opened.push({ ...checkpoint, line: entry.line });
  }
  return opened;
}
