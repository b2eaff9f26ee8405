/**
 * RFC 9162 §2.1.1 hashing for the audit log's Merkle tree. Pure: the SHA-256 function comes from the
 * caller (node:crypto on the server and in the verifier), so the tree code runs anywhere.
 */

/** SHA-256 of the bytes, returning 32 bytes. */
export type Sha256 = (data: Uint8Array) => Uint8Array;

const LEAF_PREFIX = 0x00;
const NODE_PREFIX = 0x01;

/** A leaf's hash: SHA-256(0x00 || leaf). */
export function merkleLeafHash(sha256: Sha256, leaf: Uint8Array): Uint8Array {
  const input = new Uint8Array(leaf.length + 1);
  input[0] = LEAF_PREFIX;
  input.set(leaf, 1);
  return sha256(input);
}

/** An interior node's hash: SHA-256(0x01 || left || right). */
export function merkleNodeHash(sha256: Sha256, left: Uint8Array, right: Uint8Array): Uint8Array {
  const input = new Uint8Array(1 + left.length + right.length);
  input[0] = NODE_PREFIX;
  input.set(left, 1);
  input.set(right, 1 + left.length);
  return sha256(input);
}

/** The root of the empty tree: SHA-256 of nothing. */
export function merkleEmptyRoot(sha256: Sha256): Uint8Array {
  return sha256(new Uint8Array(0));
}

/** The largest power of two strictly less than `n` (n ≥ 2), the split point k of RFC 9162. */
export function largestPowerOfTwoBelow(n: number): number {
  let k = 1;
  while (k * 2 < n) {
    k *= 2;
  }
  return k;
}

/** True when both byte strings are equal. */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) {
    return false;
  }
  for (let i = 0; i < a.length; i += 1) {
    if (a[i] !== b[i]) {
      return false;
    }
  }
  return true;
}
