/** The RFC 9162 verifiers: an inclusion proof (§2.1.3.2) and a consistency proof (§2.1.4.2). */
import { bytesEqual, merkleNodeHash, type Sha256 } from './merkle-hash.ts';

const isOdd = (x: number): boolean => x % 2 === 1;
const half = (x: number): number => Math.floor(x / 2);

/** True when `proof` shows the leaf with hash `leafHash` at `index` is in the tree of `size` leaves with `root`. */
export function verifyMerkleInclusion(
  sha256: Sha256, leafHash: Uint8Array, index: number, size: number, proof: readonly Uint8Array[], root: Uint8Array,
): boolean {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) {
    return false;
  }
  let fn = index;
  let sn = size - 1;
  let r = leafHash;
  for (const p of proof) {
    if (sn === 0) {
      return false;
    }
    if (isOdd(fn) || fn === sn) {
      r = merkleNodeHash(sha256, p, r);
      if (!isOdd(fn)) {
        while (!isOdd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      r = merkleNodeHash(sha256, r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && bytesEqual(r, root);
}

/** True when `proof` shows the tree of `first` leaves with `firstRoot` is a prefix of the tree of `second` with `secondRoot`. */
export function verifyMerkleConsistency(
  sha256: Sha256, first: number, second: number, proof: readonly Uint8Array[], firstRoot: Uint8Array, secondRoot: Uint8Array,
): boolean {
  if (!Number.isSafeInteger(first) || !Number.isSafeInteger(second) || first < 0 || first > second) {
    return false;
  }
  if (first === second) {
    return proof.length === 0 && bytesEqual(firstRoot, secondRoot);
  }
  if (first === 0) {
    // Every tree extends the empty one; there is nothing to prove.
    return proof.length === 0;
  }
  if (proof.length === 0) {
    return false;
  }
  const path = isPowerOfTwo(first) ? [firstRoot, ...proof] : [...proof];
  let fn = first - 1;
  let sn = second - 1;
  while (isOdd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) {
      return false;
    }
    if (isOdd(fn) || fn === sn) {
      fr = merkleNodeHash(sha256, c, fr);
      sr = merkleNodeHash(sha256, c, sr);
      if (!isOdd(fn)) {
        while (!isOdd(fn) && fn !== 0) {
          fn = half(fn);
          sn = half(sn);
        }
      }
    } else {
      sr = merkleNodeHash(sha256, sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return bytesEqual(fr, firstRoot) && bytesEqual(sr, secondRoot) && sn === 0;
}

function isPowerOfTwo(n: number): boolean {
  let x = n;
  while (x > 1 && x % 2 === 0) {
    x /= 2;
  }
  return x === 1;
}
