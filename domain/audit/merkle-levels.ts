/**
 * A Merkle tree held in memory as levels of perfect-subtree hashes (32 bytes each, packed), so any
 * RFC 9162 range hash costs O(log n) lookups. Proof generation for exports builds one per request.
 */
import { largestPowerOfTwoBelow, merkleNodeHash, type Sha256 } from './merkle-hash.ts';
import type { MerkleRangeHasher } from './merkle-proofs.ts';

const HASH = 32;

/** A tree's levels: `levels[h]` packs the hashes of the perfect subtrees of 2^h leaves, left to right. */
export interface MerkleLevels extends MerkleRangeHasher {
  size: number;
  levels: readonly Uint8Array[];
}

/** Builds the levels over `size` leaf hashes packed in `leaves` (32 bytes each; level 0 is a view of them). */
export function buildMerkleLevels(sha256: Sha256, leaves: Uint8Array, size: number): MerkleLevels {
  if (leaves.length < size * HASH) {
    throw new RangeError(`Expected ${size} leaf hashes.`);
  }
  const levels: Uint8Array[] = [leaves.subarray(0, size * HASH)];
  for (let width = size; width > 1; width = Math.floor(width / 2)) {
    const below = levels.at(-1)!;
    const level = new Uint8Array(Math.floor(width / 2) * HASH);
    for (let i = 0; i * 2 + 1 < width; i += 1) {
      const left = below.subarray(i * 2 * HASH, (i * 2 + 1) * HASH);
      const right = below.subarray((i * 2 + 1) * HASH, (i * 2 + 2) * HASH);
      level.set(merkleNodeHash(sha256, left, right), i * HASH);
    }
    levels.push(level);
  }
  const rangeHash = (start: number, end: number): Uint8Array => {
    const width = end - start;
    const height = Math.log2(width);
    // A perfect subtree aligned to its own width is stored; anything else splits as MTH does.
    if (Number.isInteger(height) && start % width === 0) {
      const index = start / width;
      return levels[height]!.subarray(index * HASH, (index + 1) * HASH);
    }
    const k = largestPowerOfTwoBelow(width);
    return merkleNodeHash(sha256, rangeHash(start, start + k), rangeHash(start + k, end));
  };
  return { sha256, size, levels, rangeHash };
}
