/**
 * A Merkle tree held in memory as levels of perfect-subtree hashes (32 bytes each, packed), so any
 * RFC 9162 range hash costs O(log n) lookups. Proof generation for exports builds one per request.
 * Optionally the levels just above the leaves are not kept (`skipLevels`): level 0 and the levels
 * from `skipLevels + 1` up are, and a skipped level's hash is recomputed from at most 2^skipLevels
 * leaves when asked (the last one asked at each height is remembered, since proofs for neighbouring
 * leaves share it). With 3 skipped, a million-leaf tree takes 34 MB instead of 64.
 */
import { largestPowerOfTwoBelow, merkleNodeHash, type Sha256 } from './merkle-hash.ts';
import type { MerkleRangeHasher } from './merkle-proofs.ts';

const HASH = 32;

/** A tree's levels: `levels[h]` packs the hashes of the perfect subtrees of 2^h leaves, left to right. */
export interface MerkleLevels extends MerkleRangeHasher {
  size: number;
  /** Level h, or undefined for a level not kept (see `skipLevels`); level 0 is always kept. */
  levels: ReadonlyArray<Uint8Array | undefined>;
}

/**
 * Builds the levels over `size` leaf hashes packed in `leaves` (32 bytes each; level 0 is a view of
 * them), keeping none of levels 1..`skipLevels`.
 */
export function buildMerkleLevels(sha256: Sha256, leaves: Uint8Array, size: number, skipLevels = 0): MerkleLevels {
  if (leaves.length < size * HASH) {
    throw new RangeError(`Expected ${size} leaf hashes.`);
  }
  const levels: Array<Uint8Array | undefined> = [leaves.subarray(0, size * HASH)];
  const remembered = new Map<number, { index: number; hash: Uint8Array }>();
  // The hash of the perfect subtree `index` at `height`, from its level or, for a skipped level, from the leaves.
  const perfect = (height: number, index: number): Uint8Array => {
    const level = levels[height];
    if (level) {
      return level.subarray(index * HASH, (index + 1) * HASH);
    }
    const last = remembered.get(height);
    if (last?.index === index) {
      return last.hash;
    }
    const hash = merkleNodeHash(sha256, perfect(height - 1, index * 2), perfect(height - 1, index * 2 + 1));
    remembered.set(height, { index, hash });
    return hash;
  };
  for (let height = 1, width = Math.floor(size / 2); width >= 1; height += 1, width = Math.floor(width / 2)) {
    if (height <= skipLevels) {
      levels.push(undefined);
      continue;
    }
    const level = new Uint8Array(width * HASH);
    for (let i = 0; i < width; i += 1) {
      level.set(merkleNodeHash(sha256, perfect(height - 1, i * 2), perfect(height - 1, i * 2 + 1)), i * HASH);
    }
    levels.push(level);
  }
  remembered.clear();
  const rangeHash = (start: number, end: number): Uint8Array => {
    const width = end - start;
    const height = Math.log2(width);
    // A perfect subtree aligned to its own width is stored (or recomputed); anything else splits as MTH does.
    if (Number.isInteger(height) && start % width === 0) {
      return perfect(height, start / width);
    }
    const k = largestPowerOfTwoBelow(width);
    return merkleNodeHash(sha256, rangeHash(start, start + k), rangeHash(start + k, end));
  };
  return { sha256, size, levels, rangeHash };
}
