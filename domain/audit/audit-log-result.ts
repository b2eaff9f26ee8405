/** The outcome of verifying the whole audit log (chain, Merkle tree and published checkpoints), for `audit:verify`. */
import type { AuditChainBreakReason } from './audit-chain.ts';

/**
 * Why the log failed, beyond the chain's own reasons: the events no longer give a published
 * checkpoint's root (`rewritten`); a published checkpoint is not signed by the log's key
 * (`checkpoint_signature`) or comes before a larger one (`checkpoint_order`); the head's stored
 * frontier disagrees with the events (`frontier`).
 */
export type AuditLogBreakReason = AuditChainBreakReason | 'rewritten' | 'checkpoint_signature' | 'checkpoint_order' | 'frontier';

/** An intact log: its size, chain head, tree root (base64) and how many published checkpoints were checked. */
export interface AuditLogIntact {
  ok: true;
  events: number;
  headHash: string;
  rootBase64: string;
  checkpoints: number;
}

/**
 * A broken log. `firstBrokenSeq` is the first bad event; when only roots can tell (a rewrite
 * re-chained and re-hashed), the bad event lies in `firstBrokenSeq`..`lastSuspectSeq`.
 * `checkpointLine` names the published checkpoint that exposed it.
 */
export interface AuditLogBreak {
  ok: false;
  reason: AuditLogBreakReason;
  firstBrokenSeq?: number;
  lastSuspectSeq?: number;
  checkpointLine?: number;
  message: string;
}

/** The verification result. */
export type AuditLogResult = AuditLogIntact | AuditLogBreak;

/** The lines the CLI prints. */
export function describeAuditLog(result: AuditLogResult): string {
  if (result.ok) {
    return `Audit log intact: ${result.events} events (head hash ${result.headHash}, tree root ${result.rootBase64}), `
      + `${result.checkpoints} published checkpoint${result.checkpoints === 1 ? '' : 's'} verified`;
  }
  const where = result.firstBrokenSeq === undefined ? ''
    : result.lastSuspectSeq !== undefined && result.lastSuspectSeq !== result.firstBrokenSeq
      ? ` between event seq ${result.firstBrokenSeq} and ${result.lastSuspectSeq}`
      : ` at event seq ${result.firstBrokenSeq}`;
  const line = result.checkpointLine === undefined ? '' : ` (checkpoint line ${result.checkpointLine})`;
  return `Audit log BROKEN${where}${line}: ${result.reason} — ${result.message}`;
}
