/** SHA-256 from node:crypto, in the shape the domain's Merkle code takes. */
import { hash } from 'node:crypto';
import type { Sha256 } from '../../domain/audit/merkle-hash.ts';

/**
 * SHA-256 of the bytes, one-shot: no Hash object (and its native context waiting for the collector)
 * per call, which a proof file for a million events makes millions of.
 */
export const sha256: Sha256 = (data) => hash('sha256', data, 'buffer');
