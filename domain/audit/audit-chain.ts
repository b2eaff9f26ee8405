/** The outcome of verifying the audit hash chain, shared by the CLI, the API and the desktop. */
import { z } from 'zod';

export const AUDIT_CHAIN_BREAKS = ['tampered', 'deleted', 'reordered', 'truncated'] as const;
/**
 * Why the chain broke: an event's content no longer matches its hash (`tampered`); an event is
 * missing from the middle (`deleted`: a seq gap or a broken `prev_hash` link); a genuine event
 * sits at the wrong position (`reordered`); events are missing from the end (`truncated`).
 */
export type AuditChainBreakReason = (typeof AUDIT_CHAIN_BREAKS)[number];

/** An intact chain; `headHash` is worth writing down elsewhere, since a rewound head is only caught against an outside copy. */
export const AuditChainIntactSchema = z.object({ ok: z.literal(true), events: z.number().int().nonnegative(), headHash: z.string() });
export const AuditChainBreakSchema = z.object({
  ok: z.literal(false),
  firstBrokenSeq: z.number().int().positive(),
  reason: z.enum(AUDIT_CHAIN_BREAKS),
  message: z.string(),
});
export const AuditChainResultSchema = z.discriminatedUnion('ok', [AuditChainIntactSchema, AuditChainBreakSchema]);

/** A broken chain: the first seq that fails and why. */
export type AuditChainBreak = z.infer<typeof AuditChainBreakSchema>;
/** The verification result. */
export type AuditChainResult = z.infer<typeof AuditChainResultSchema>;

/** The one-line summary the CLI prints and the UI shows. */
export function describeAuditChain(result: AuditChainResult): string {
  return result.ok
    ? `Audit chain intact: ${result.events} events (head hash ${result.headHash})`
    : `Audit chain BROKEN at event seq ${result.firstBrokenSeq}: ${result.reason} — ${result.message}`;
}
