/**
 * Inclusion proofs read straight from a tree's stored levels (domain/audit/merkle-levels.ts), bottom
 * up, without an array of hashes per proof: what an export's proof file needs a million times over.
 * The proof is RFC 9162's PATH, the same hashes `merkleInclusionProof` gives, in the same order.
 */
import type { MerkleLevels } from './merkle-levels.ts';

const HASH = 32;

/**
 * Calls `visit` with each hash of the inclusion proof of leaf `index` in the tree of `size` leaves,
 * leaf side first: a perfect subtree's hash as (`bytes`, `offset`) into its level, 32 bytes (or
 * recomputed, for a level the tree does not keep); a subtree on the tree's right edge, which no level
 * stores, as `rightEdge(start)` (MTH of leaves start..size).
 */
export function forEachInclusionHash(
  tree: MerkleLevels, index: number, size: number,
  visit: (bytes: Uint8Array, offset: number) => void, rightEdge: (start: number) => Uint8Array,
): void {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size || size > tree.size) {
    throw new RangeError(`No leaf ${index} in a tree of ${size}.`);
  }
  // At each height the node holding the leaf has a sibling covering leaves [start, start + width);
  // none when that starts past the tree (the node is carried up as it is), a partial one on the right edge.
  for (let height = 0, width = 1; width < size; height += 1, width *= 2) {
    const node = Math.floor(index / width);
    const sibling = node % 2 === 0 ? node + 1 : node - 1;
    const start = sibling * width;
    if (start >= size) {
      continue;
    }
    const level = tree.levels[height];
    if (start + width > size) {
      visit(rightEdge(start), 0);
    } else if (level) {
      visit(level, sibling * HASH);
    } else {
      // A level the tree does not keep: its hash recomputed from the leaves (domain/audit/merkle-levels.ts).
      visit(tree.rangeHash(start, start + width), 0);
    }
  }
}
