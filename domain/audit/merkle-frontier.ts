/**
 * The compact range of a growing tree: the roots of the perfect subtrees that make up its first n
 * leaves, largest first (one per set bit of n). Appending a leaf touches only these, so the log
 * keeps the frontier beside the audit head and an append costs O(log n) hashes and no extra rows.
 */
import { merkleEmptyRoot, merkleNodeHash, type Sha256 } from './merkle-hash.ts';

/** The frontier of a tree of `size` leaves. */
export interface MerkleFrontier {
  size: number;
  /** Perfect-subtree roots, largest (leftmost) first; as many as set bits in `size`. */
  nodes: readonly Uint8Array[];
}

/** The frontier of the empty tree. */
export const EMPTY_FRONTIER: MerkleFrontier = { size: 0, nodes: [] };

/** The frontier after appending one leaf hash; merges a pair of equal subtrees for each trailing 1 bit of the old size. */
export function appendToFrontier(sha256: Sha256, frontier: MerkleFrontier, leafHash: Uint8Array): MerkleFrontier {
  const nodes = [...frontier.nodes];
  let carry = leafHash;
  let size = frontier.size;
  while (size % 2 === 1) {
    carry = merkleNodeHash(sha256, nodes.pop()!, carry);
    size = Math.floor(size / 2);
  }
  nodes.push(carry);
  return { size: frontier.size + 1, nodes };
}

/** MTH of the frontier's tree: fold the subtree roots right to left (RFC 9162's split at the largest power of two). */
export function frontierRoot(sha256: Sha256, frontier: MerkleFrontier): Uint8Array {
  const last = frontier.nodes.at(-1);
  if (!last) {
    return merkleEmptyRoot(sha256);
  }
  let root = last;
  for (let i = frontier.nodes.length - 2; i >= 0; i -= 1) {
    root = merkleNodeHash(sha256, frontier.nodes[i]!, root);
  }
  return root;
}

/** The number of subtree roots a frontier of `size` holds (its set bits). */
export function frontierLength(size: number): number {
  let count = 0;
  for (let x = size; x > 0; x = Math.floor(x / 2)) {
    count += x % 2;
  }
  return count;
}

/** The frontier as stored beside the audit head: its subtree roots in hex, concatenated. */
export function encodeFrontier(frontier: MerkleFrontier): string {
  return frontier.nodes.map((node) => Array.from(node, (b) => b.toString(16).padStart(2, '0')).join('')).join('');
}

/** Reads a stored frontier for a tree of `size` leaves; undefined when it does not fit that size. */
export function decodeFrontier(size: number, text: string): MerkleFrontier | undefined {
  const count = frontierLength(size);
  if (text.length !== count * 64 || !/^[0-9a-f]*$/.test(text)) {
    return undefined;
  }
  const nodes = Array.from({ length: count }, (_, i) => {
    const hex = text.slice(i * 64, (i + 1) * 64);
    return Uint8Array.from({ length: 32 }, (_unused, j) => Number.parseInt(hex.slice(j * 2, j * 2 + 2), 16));
  });
  return { size, nodes };
}
