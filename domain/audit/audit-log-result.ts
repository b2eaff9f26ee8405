/**
 * The outcome of verifying the whole audit log (chain, Merkle tree and published checkpoints), shared
 * by `audit:verify` and `GET /audit/verify`.
 */
import { z } from 'zod';
import { AUDIT_CHAIN_BREAKS } from './audit-chain.ts';

/**
 * Why the log failed, beyond the chain's own reasons: the events no longer give a published
 * checkpoint's root (`rewritten`); a published checkpoint is not signed by the log's key
 * (`checkpoint_signature`) or comes before a larger one (`checkpoint_order`); the head's stored
 * frontier disagrees with the events (`frontier`).
 */
export const AUDIT_LOG_BREAKS = [...AUDIT_CHAIN_BREAKS, 'rewritten', 'checkpoint_signature', 'checkpoint_order', 'frontier'] as const;
/** Why the log failed. */
export type AuditLogBreakReason = (typeof AUDIT_LOG_BREAKS)[number];

/** An intact log: its size, chain head, tree root (base64) and how many published checkpoints were checked. */
export const AuditLogIntactSchema = z.object({
  ok: z.literal(true),
  events: z.number().int().nonnegative(),
  headHash: z.string(),
  rootBase64: z.string(),
  checkpoints: z.number().int().nonnegative(),
});
/** An intact log. */
export type AuditLogIntact = z.infer<typeof AuditLogIntactSchema>;

/**
 * A broken log. `firstBrokenSeq` is the first bad event; when only roots can tell (a rewrite
 * re-chained and re-hashed), the bad event lies in `firstBrokenSeq`..`lastSuspectSeq`.
 * `checkpointLine` names the published checkpoint that exposed it.
 */
export const AuditLogBreakSchema = z.object({
  ok: z.literal(false),
  reason: z.enum(AUDIT_LOG_BREAKS),
  firstBrokenSeq: z.number().int().positive().optional(),
  lastSuspectSeq: z.number().int().positive().optional(),
  checkpointLine: z.number().int().positive().optional(),
  message: z.string(),
});
/** A broken log. */
export type AuditLogBreak = z.infer<typeof AuditLogBreakSchema>;

/** The verification result. */
export const AuditLogResultSchema = z.discriminatedUnion('ok', [AuditLogIntactSchema, AuditLogBreakSchema]);
/** The verification result. */
export type AuditLogResult = z.infer<typeof AuditLogResultSchema>;

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
