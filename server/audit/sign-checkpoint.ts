/**
 * Signs and publishes checkpoints of the audit log (docs/audit.md, "Checkpoints"). The signer only
 * signs a root it has recomputed itself from the events, extending the last checkpoint it published:
 * a log rewritten under it (even with the head's frontier recomputed) is refused, never signed.
 */
import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import { appendToFrontier, EMPTY_FRONTIER, frontierRoot, type MerkleFrontier } from '../../domain/audit/merkle-frontier.ts';
import { bytesEqual } from '../../domain/audit/merkle-hash.ts';
import { openSignedNote } from '../../domain/audit/signed-note.ts';
import { formatCheckpoint, parseCheckpoint, type Checkpoint } from '../../domain/audit/tlog-checkpoint.ts';
import { CodedError } from '../../domain/errors.ts';
import type { AuditLogConfig } from '../context/config.ts';
import { forEachAuditLeaf } from './audit-leaves.ts';
import { readStoredFrontier } from './audit-frontier.ts';
import type { AuditSigningKey } from './audit-signing-key.ts';
import { appendCheckpoint, readCheckpoints, sendToWitness } from './checkpoint-file.ts';
import { verifyEd25519 } from './ed25519.ts';
import { sha256 } from './sha256.ts';

/** A checkpoint the signer returned. */
export interface SignedCheckpoint {
  checkpoint: Checkpoint;
  note: string;
  /** False when the log had not grown and the last published note was returned instead. */
  published: boolean;
  /** Whether the witness accepted it; undefined when no witness is configured or nothing was published. */
  witnessAccepted?: boolean;
}

/** Signs checkpoints for one log; keeps the last frontier it verified, so each run reads only new events. */
export interface CheckpointSigner {
  /** Signs and publishes a checkpoint when the log has grown (or returns the latest); refuses a rewritten log. */
  signNow(): Promise<SignedCheckpoint>;
}

/** A signer over the database with the key and publication settings. */
export function createCheckpointSigner(
  db: Kysely<ServerDatabase>, key: AuditSigningKey, config: AuditLogConfig, now: () => Date = () => new Date(),
): CheckpointSigner {
  let verified: MerkleFrontier | undefined;
  let running: Promise<SignedCheckpoint> | undefined;

  const sign = async (): Promise<SignedCheckpoint> => {
    const published = await readCheckpoints(config.checkpointFile);
    const last = published.at(-1);
    const previous = last ? openPublished(last.note, key, config.origin) : undefined;
    const head = await db.selectFrom('audit_head').select(['seq', 'tree_frontier']).where('id', '=', 1).executeTakeFirstOrThrow();
    const size = Number(head.seq);
    if (previous && previous.size > size) {
      throw refused(`the log holds ${size} events but checkpoint ${previous.size} was published: events from seq ${size + 1} were removed`);
    }
    if (!verified || verified.size > (previous?.size ?? 0)) {
      verified = await extend(db, EMPTY_FRONTIER, previous?.size ?? 0);
    }
    if (previous && !bytesEqual(frontierRoot(sha256, await extend(db, verified, previous.size)), previous.root)) {
      verified = undefined;
      throw refused(`events 1–${previous.size} no longer match the checkpoint published for them`);
    }
    const grown = await extend(db, verified, size);
    const root = frontierRoot(sha256, grown);
    if (!bytesEqual(root, frontierRoot(sha256, readStoredFrontier(size, head.tree_frontier)))) {
      throw refused('the audit head\'s tree frontier does not match the events');
    }
    verified = grown;
    if (previous && last && previous.size === size) {
      return { checkpoint: previous, note: last.note, published: false };
    }
    const checkpoint = { origin: config.origin, size, root };
    const note = key.signNote(formatCheckpoint(checkpoint));
    await appendCheckpoint(config.checkpointFile, note, now());
    const witnessAccepted = config.witnessUrl ? await sendToWitness(config.witnessUrl, note) : undefined;
    return { checkpoint, note, published: true, ...(witnessAccepted === undefined ? {} : { witnessAccepted }) };
  };

  return {
    signNow: () => {
      // One signing at a time per process, so two timers never publish the same size twice.
      running = (running ?? Promise.resolve()).catch(() => undefined).then(sign);
      return running;
    },
  };
}

/** Starts signing every `checkpointSeconds`; a refusal is reported as a warning and retried next time. */
export function startCheckpointSigning(signer: CheckpointSigner, config: AuditLogConfig): { stop(): void } {
  const timer = setInterval(() => {
    signer.signNow().catch((error: unknown) => {
      process.emitWarning(`Audit checkpoint not signed: ${(error as Error).message}`);
    });
  }, config.checkpointSeconds * 1000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

async function extend(db: Kysely<ServerDatabase>, from: MerkleFrontier, size: number): Promise<MerkleFrontier> {
  let frontier = from;
  const gap = await forEachAuditLeaf(db, from.size + 1, size, (_seq, leafHash) => {
    frontier = appendToFrontier(sha256, frontier, leafHash);
  });
  if (gap !== undefined) {
    throw refused(`event ${gap} is missing`);
  }
  return frontier;
}

function openPublished(note: string, key: AuditSigningKey, origin: string): Checkpoint {
  const body = openSignedNote(note, key.verifierKey, verifyEd25519);
  const checkpoint = body === undefined ? undefined : parseCheckpoint(body);
  if (checkpoint?.origin !== origin) {
    throw refused('the last published checkpoint is not signed by this log\'s key');
  }
  return checkpoint;
}

function refused(why: string): CodedError {
  return new CodedError('conflict', `Audit checkpoint refused: ${why}. Run npm run audit:verify.`);
}
