/**
 * C2SP tlog-checkpoint (https://c2sp.org/tlog-checkpoint) bodies: the origin line, the tree size
 * in decimal and the base64 root hash, each ending in a newline. Signed, it becomes a checkpoint.
 */
import { fromBase64, toBase64 } from './base64.ts';

/** A checkpoint's content. */
export interface Checkpoint {
  /** Names the log, e.g. `casebridge.example.gov.uk/audit`. */
  origin: string;
  size: number;
  /** The 32-byte Merkle root of the first `size` leaves. */
  root: Uint8Array;
}

/** The body text of a checkpoint. */
export function formatCheckpoint(checkpoint: Checkpoint): string {
  return `${checkpoint.origin}\n${checkpoint.size}\n${toBase64(checkpoint.root)}\n`;
}

/** Parses a checkpoint body (extension lines are allowed and ignored); undefined when malformed. */
export function parseCheckpoint(body: string): Checkpoint | undefined {
  if (!body.endsWith('\n')) {
    return undefined;
  }
  const [origin, sizeText, rootText, ...extensions] = body.slice(0, -1).split('\n');
  if (!origin || !sizeText || !rootText || extensions.some((line) => line === '')) {
    return undefined;
  }
  const root = fromBase64(rootText);
  // Decimal without leading zeros, so one size has one spelling.
  if (!/^(?:0|[1-9][0-9]*)$/.test(sizeText) || root?.length !== 32) {
    return undefined;
  }
  const size = Number(sizeText);
  return Number.isSafeInteger(size) ? { origin, size, root } : undefined;
}
