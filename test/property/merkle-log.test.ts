/**
 * The audit log's Merkle code against a naive reference written straight from RFC 9162 §2.1:
 * roots, inclusion and consistency proofs agree for every tree size and index, the verifiers
 * accept every honest proof, and refuse a proof for another leaf, size or root.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appendToFrontier, decodeFrontier, EMPTY_FRONTIER, encodeFrontier, frontierRoot, type MerkleFrontier } from '../../domain/audit/merkle-frontier.ts';
import { merkleLeafHash, merkleNodeHash, type Sha256 } from '../../domain/audit/merkle-hash.ts';
import { forEachInclusionHash } from '../../domain/audit/merkle-level-proofs.ts';
import { buildMerkleLevels } from '../../domain/audit/merkle-levels.ts';
import { merkleConsistencyProof, merkleInclusionProof, merkleRoot, naiveRangeHasher } from '../../domain/audit/merkle-proofs.ts';
import { verifyMerkleConsistency, verifyMerkleInclusion } from '../../domain/audit/merkle-verify.ts';

const sha256: Sha256 = (data) => createHash('sha256').update(data).digest();
const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
const hexes = (list: readonly Uint8Array[]): string[] => list.map(hex);

// The reference: RFC 9162 §2.1.1–2.1.4 transcribed as recursion over the leaf data itself.
const k = (n: number): number => 2 ** Math.ceil(Math.log2(n) - 1);
function mth(d: readonly Uint8Array[]): Uint8Array {
  if (d.length === 0) {
    return sha256(new Uint8Array(0));
  }
  if (d.length === 1) {
    return sha256(Buffer.concat([Buffer.of(0), d[0]!]));
  }
  const split = k(d.length);
  return sha256(Buffer.concat([Buffer.of(1), mth(d.slice(0, split)), mth(d.slice(split))]));
}
function path(m: number, d: readonly Uint8Array[]): Uint8Array[] {
  if (d.length === 1) {
    return [];
  }
  const split = k(d.length);
  return m < split ? [...path(m, d.slice(0, split)), mth(d.slice(split))] : [...path(m - split, d.slice(split)), mth(d.slice(0, split))];
}
function subproof(m: number, d: readonly Uint8Array[], b: boolean): Uint8Array[] {
  if (m === d.length) {
    return b ? [] : [mth(d)];
  }
  const split = k(d.length);
  return m <= split ? [...subproof(m, d.slice(0, split), b), mth(d.slice(split))] : [...subproof(m - split, d.slice(split), false), mth(d.slice(0, split))];
}

const leavesOf = (n: number, seed: number): Uint8Array[] => Array.from({ length: n }, (_, i) => new TextEncoder().encode(`leaf ${seed} ${i}`));
const leafHashes = (d: readonly Uint8Array[]): Uint8Array[] => d.map((leaf) => merkleLeafHash(sha256, leaf));
const packed = (hashes: readonly Uint8Array[]): Uint8Array => Buffer.concat(hashes);

const treeArb = fc.record({ n: fc.integer({ min: 1, max: 70 }), seed: fc.integer() });

describe('the audit Merkle tree against RFC 9162', () => {
  it('hashes leaves and nodes with the 0x00 and 0x01 prefixes', () => {
    const leaf = new TextEncoder().encode('x');
    expect(hex(merkleLeafHash(sha256, leaf))).toBe(hex(sha256(Buffer.from('\x00x', 'latin1'))));
    expect(hex(merkleNodeHash(sha256, leaf, leaf))).toBe(hex(sha256(Buffer.from('\x01xx', 'latin1'))));
  });

  it('gives the root of the empty tree as SHA-256 of nothing', () => {
    expect(hex(frontierRoot(sha256, EMPTY_FRONTIER))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hex(merkleRoot(naiveRangeHasher(sha256, []), 0))).toBe(hex(mth([])));
  });

  it('computes the same root from the frontier, the stored levels and the naive recursion, at every size', () => {
    fc.assert(fc.property(treeArb, ({ n, seed }) => {
      const d = leavesOf(n, seed);
      let frontier: MerkleFrontier = EMPTY_FRONTIER;
      for (let size = 1; size <= n; size += 1) {
        frontier = appendToFrontier(sha256, frontier, leafHashes(d)[size - 1]!);
        expect(hex(frontierRoot(sha256, frontier))).toBe(hex(mth(d.slice(0, size))));
        expect(decodeFrontier(size, encodeFrontier(frontier))).toEqual({ size, nodes: frontier.nodes.map((x) => new Uint8Array(x)) });
      }
      const levels = buildMerkleLevels(sha256, packed(leafHashes(d)), n);
      expect(hex(merkleRoot(levels, n))).toBe(hex(mth(d)));
    }));
  });

  it('produces the RFC inclusion proof for every leaf, which verifies, and fails for another leaf, index or size', () => {
    fc.assert(fc.property(treeArb, fc.nat(), ({ n, seed }, pick) => {
      const d = leavesOf(n, seed);
      const hashes = leafHashes(d);
      const levels = buildMerkleLevels(sha256, packed(hashes), n);
      const root = mth(d);
      const i = pick % n;
      const proof = merkleInclusionProof(levels, i, n);
      expect(hexes(proof)).toEqual(hexes(path(i, d)));
      expect(hexes(merkleInclusionProof(naiveRangeHasher(sha256, hashes), i, n))).toEqual(hexes(proof));
      expect(verifyMerkleInclusion(sha256, hashes[i]!, i, n, proof, root)).toBe(true);
      expect(verifyMerkleInclusion(sha256, merkleLeafHash(sha256, Buffer.from('forged')), i, n, proof, root)).toBe(false);
      if (n > 1) {
        expect(verifyMerkleInclusion(sha256, hashes[i]!, (i + 1) % n, n, proof, root)).toBe(false);
        expect(verifyMerkleInclusion(sha256, hashes[i]!, i, n, proof.slice(1), root)).toBe(false);
      }
      expect(verifyMerkleInclusion(sha256, hashes[i]!, i, n + 1, proof, mth([...d, Buffer.from('more')]))).toBe(false);
      expect(verifyMerkleInclusion(sha256, hashes[i]!, n, n, proof, root)).toBe(false);
    }));
  });

  it('reads the same inclusion proof from the stored levels as merkleInclusionProof, for every leaf of trees up to 600 and any smaller size, with levels skipped or not', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 600 }), fc.integer(), fc.nat(), fc.nat(), (n, seed, pick, smaller) => {
      const hashes = leafHashes(leavesOf(n, seed));
      // Every level kept, or levels 1..skip recomputed from the leaves when asked (what the export keeps: 3).
      const levels = buildMerkleLevels(sha256, packed(hashes), n, seed % 5);
      expect(hex(merkleRoot(levels, n))).toBe(hex(merkleRoot(buildMerkleLevels(sha256, packed(hashes), n), n)));
      const size = n - (smaller % n);
      const i = pick % size;
      const read: string[] = [];
      forEachInclusionHash(levels, i, size, (bytes, offset) => read.push(hex(bytes.subarray(offset, offset + 32))),
        (start) => levels.rangeHash(start, size));
      expect(read).toEqual(hexes(merkleInclusionProof(levels, i, size)));
      expect(read).toEqual(hexes(merkleInclusionProof(naiveRangeHasher(sha256, hashes.slice(0, size)), i, size)));
    }), { numRuns: 300 });
    const levels = buildMerkleLevels(sha256, packed(leafHashes(leavesOf(5, 1))), 5);
    expect(() => forEachInclusionHash(levels, 5, 5, () => undefined, () => new Uint8Array(32))).toThrow(RangeError);
    expect(() => forEachInclusionHash(levels, 0, 6, () => undefined, () => new Uint8Array(32))).toThrow(RangeError);
  });

  it('produces the RFC consistency proof between any two sizes, which verifies, and fails once a leaf differs', () => {
    fc.assert(fc.property(treeArb, fc.nat(), fc.nat(), ({ n, seed }, a, changed) => {
      const d = leavesOf(n, seed);
      const levels = buildMerkleLevels(sha256, packed(leafHashes(d)), n);
      const m = 1 + (a % n);
      const proof = merkleConsistencyProof(levels, m, n);
      expect(hexes(proof)).toEqual(m === n ? [] : hexes(subproof(m, d, true)));
      expect(verifyMerkleConsistency(sha256, m, n, proof, mth(d.slice(0, m)), mth(d))).toBe(true);
      // A rewritten leaf inside the older tree changes its root: the same proof no longer links the two.
      const rewritten = [...d];
      rewritten[changed % m] = Buffer.from('rewritten');
      expect(verifyMerkleConsistency(sha256, m, n, proof, mth(rewritten.slice(0, m)), mth(d))).toBe(false);
      expect(verifyMerkleConsistency(sha256, m, n, proof, mth(d.slice(0, m)), mth(rewritten))).toBe(false);
    }));
  });

  it('refuses a consistency claim from a larger tree to a smaller one', () => {
    const d = leavesOf(5, 1);
    expect(verifyMerkleConsistency(sha256, 5, 3, [], mth(d), mth(d.slice(0, 3)))).toBe(false);
    expect(() => merkleConsistencyProof(naiveRangeHasher(sha256, leafHashes(d)), 5, 3)).toThrow(RangeError);
  });
});
