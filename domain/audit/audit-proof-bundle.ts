/**
 * The export proof format `casebridge-audit-proof/v1` (docs/audit.md, "Export proofs"): a signed
 * checkpoint, each exported event's leaf with its RFC 9162 inclusion proof against that checkpoint,
 * optionally the event that recorded the export, and consistency proofs from earlier checkpoints.
 */
import { z } from 'zod';

/** The format name the file's `format` field carries. */
export const AUDIT_PROOF_FORMAT = 'casebridge-audit-proof/v1';

const Base64Hash = z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'a 32-byte hash in base64');

/** One event in the log: its 0-based leaf index (seq − 1), its leaf text and its inclusion proof, leaf-side first. */
export const AuditProofEntrySchema = z.object({
  index: z.number().int().nonnegative(),
  leaf: z.string(),
  proof: z.array(Base64Hash),
});

/** A proof that an earlier checkpoint (a signed note) is a prefix of the bundle's checkpoint. */
export const AuditConsistencyEntrySchema = z.object({
  from: z.string(),
  proof: z.array(Base64Hash),
});

/** The whole proof file. */
export const AuditProofBundleSchema = z.object({
  format: z.literal(AUDIT_PROOF_FORMAT),
  checkpoint: z.string(),
  events: z.array(AuditProofEntrySchema),
  /** The event recording the export itself; its details name the rows (`proof_rows`, `proof_seqs_sha256`). */
  export: AuditProofEntrySchema.optional(),
  consistency: z.array(AuditConsistencyEntrySchema).optional(),
});

/** One event's inclusion proof. */
export type AuditProofEntry = z.infer<typeof AuditProofEntrySchema>;
/** One consistency proof. */
export type AuditConsistencyEntry = z.infer<typeof AuditConsistencyEntrySchema>;
/** A proof file. */
export type AuditProofBundle = z.infer<typeof AuditProofBundleSchema>;

/** The text whose SHA-256 the export event records: the exported seqs in order, in decimal, one per line. */
export function exportSeqsText(seqs: readonly number[]): string {
  return seqs.map((seq) => `${seq}\n`).join('');
}
