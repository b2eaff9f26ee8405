/**
 * The proven events an export file's rows are checked against, kept small: for each event its seq
 * and the SHA-256 of the cells the export writes for it (40 bytes a row, where the leaf and its proof
 * are about 1 KB), so a verifier can stream a proof file of a million rows and still match every row.
 */
import { AUDIT_LEAF_FIELDS, type AuditLeafEvent } from './audit-event-leaf.ts';
import { toHex } from './base64.ts';
import { escapeFormula } from './csv-encode.ts';
import type { Sha256 } from './merkle-hash.ts';

/** The cells the export writes for an event, in AUDIT_EXPORT_COLUMNS order, given its leaf text. */
export function expectedCells(event: AuditLeafEvent, leaf: string, sha256: Sha256): string[] {
  const text = AUDIT_LEAF_FIELDS.filter((f) => f !== 'seq' && f !== 'prev_hash').map((f) => escapeFormula(event[f]));
  return [String(event.seq), ...text, toHex(sha256(new TextEncoder().encode(leaf)))];
}

const DIGEST = 32;

/** Seqs in ascending order with the digest of each one's expected cells. */
export class ProvenRows {
  private seqs = new Float64Array(1024);
  private digests = new Uint8Array(1024 * DIGEST);
  private count = 0;

  constructor(private readonly sha256: Sha256) {}

  /** How many events are held. */
  get size(): number {
    return this.count;
  }

  /** Adds the next proven event; seqs must ascend (the proof verifier refuses a file where they do not). */
  add(event: AuditLeafEvent, leaf: string): void {
    if (this.count === this.seqs.length) {
      const seqs = new Float64Array(this.count * 2);
      seqs.set(this.seqs);
      this.seqs = seqs;
      const digests = new Uint8Array(this.count * 2 * DIGEST);
      digests.set(this.digests);
      this.digests = digests;
    }
    this.seqs[this.count] = event.seq;
    this.digests.set(this.digestOf(expectedCells(event, leaf, this.sha256)), this.count * DIGEST);
    this.count += 1;
  }

  /** Whether `seq` is proven. */
  has(seq: number): boolean {
    return this.find(seq) >= 0;
  }

  /** Whether `cells` are exactly what the export writes for proven event `seq`. */
  matches(seq: number, cells: readonly string[]): boolean {
    const at = this.find(seq);
    if (at < 0) {
      return false;
    }
    const digest = this.digestOf(cells);
    return digest.every((b, i) => b === this.digests[at * DIGEST + i]);
  }

  /** The proven seqs, ascending. */
  *allSeqs(): Generator<number> {
    for (let i = 0; i < this.count; i += 1) {
      yield this.seqs[i]!;
    }
  }

  private digestOf(cells: readonly string[]): Uint8Array {
    return this.sha256(new TextEncoder().encode(JSON.stringify(cells)));
  }

  private find(seq: number): number {
    let lo = 0;
    let hi = this.count - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const at = this.seqs[mid]!;
      if (at === seq) {
        return mid;
      }
      if (at < seq) {
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return -1;
  }
}
