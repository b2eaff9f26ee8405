/**
 * Merkle tree hashes and proofs exactly as RFC 9162 §2.1 defines them (MTH, PATH, PROOF/SUBPROOF),
 * over any source of subtree hashes, so a store can answer from precomputed nodes.
 */
import { largestPowerOfTwoBelow, merkleEmptyRoot, merkleNodeHash, type Sha256 } from './merkle-hash.ts';

/** Where proofs read hashes from: the hash of leaves [start, end) of the tree (MTH of that range). */
export interface MerkleRangeHasher {
  sha256: Sha256;
  /** MTH(D[start:end]); called only with 0 ≤ start < end ≤ tree size. */
  rangeHash(start: number, end: number): Uint8Array;
}

/** MTH(D[0:size]): the root of the first `size` leaves (the empty root for 0). */
export function merkleRoot(tree: MerkleRangeHasher, size: number): Uint8Array {
  return size === 0 ? merkleEmptyRoot(tree.sha256) : tree.rangeHash(0, size);
}

/** PATH(index, D[0:size]) (RFC 9162 §2.1.3.1): the inclusion proof of leaf `index`, leaf-side first. */
export function merkleInclusionProof(tree: MerkleRangeHasher, index: number, size: number): Uint8Array[] {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) {
    throw new RangeError(`No leaf ${index} in a tree of ${size}.`);
  }
  const path: Uint8Array[] = [];
  let start = 0;
  let end = size;
  let m = index;
  // Walk down from the root, keeping each sibling; the proof lists them from the bottom up.
  while (end - start > 1) {
    const k = largestPowerOfTwoBelow(end - start);
    if (m < k) {
      path.push(tree.rangeHash(start + k, end));
      end = start + k;
    } else {
      path.push(tree.rangeHash(start, start + k));
      start += k;
      m -= k;
    }
  }
  return path.reverse();
}

/** PROOF(m, D[0:n]) (RFC 9162 §2.1.4.1): proves the tree of `m` leaves is a prefix of the tree of `n`. */
export function merkleConsistencyProof(tree: MerkleRangeHasher, m: number, n: number): Uint8Array[] {
  if (!Number.isSafeInteger(m) || !Number.isSafeInteger(n) || m < 0 || m > n) {
    throw new RangeError(`No consistency proof from ${m} to ${n}.`);
  }
  if (m === 0 || m === n) {
    return [];
  }
  return subproof(tree, m, 0, n, true);
}

/** SUBPROOF(m, D[start:end], b), iterative; collected top-down and returned bottom-up like the RFC's. */
function subproof(tree: MerkleRangeHasher, mIn: number, startIn: number, endIn: number, bIn: boolean): Uint8Array[] {
  const proof: Uint8Array[] = [];
  let m = mIn;
  let start = startIn;
  let end = endIn;
  let b = bIn;
  for (;;) {
    const n = end - start;
    if (m === n) {
      if (!b) {
        proof.push(tree.rangeHash(start, end));
      }
      break;
    }
    const k = largestPowerOfTwoBelow(n);
    if (m <= k) {
      proof.push(tree.rangeHash(start + k, end));
      end = start + k;
    } else {
      proof.push(tree.rangeHash(start, start + k));
      start += k;
      m -= k;
      b = false;
    }
  }
  return proof.reverse();
}

/** A range hasher over leaf hashes in memory, recomputing every subtree: the naive reference. */
export function naiveRangeHasher(sha256: Sha256, leafHashes: readonly Uint8Array[]): MerkleRangeHasher {
  const rangeHash = (start: number, end: number): Uint8Array => {
    if (end - start === 1) {
      return leafHashes[start]!;
    }
    const k = largestPowerOfTwoBelow(end - start);
    return merkleNodeHash(sha256, rangeHash(start, start + k), rangeHash(start + k, end));
  };
  return { sha256, rangeHash };
}
