/** The port through which routes ask for a signed checkpoint of the audit log (e.g. for an export's proofs). */
import type { NoteVerifierKey } from '../../domain/audit/signed-note.ts';
import type { Checkpoint } from '../../domain/audit/tlog-checkpoint.ts';

/** Signs checkpoints on demand; the key itself never leaves the signer. */
export interface AuditCheckpoints {
  /** The key checkpoints are signed with, for checking them and building proofs. */
  readonly verifierKey: NoteVerifierKey;
  /** Signs and publishes a checkpoint of the log as it is now (or returns the latest when it has not grown). */
  signNow(): Promise<{ checkpoint: Checkpoint; note: string }>;
}
