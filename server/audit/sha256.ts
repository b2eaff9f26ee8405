/** SHA-256 from node:crypto, in the shape the domain's Merkle code takes. */
import { createHash } from 'node:crypto';
import type { Sha256 } from '../../domain/audit/merkle-hash.ts';

/** SHA-256 of the bytes. */
export const sha256: Sha256 = (data) => createHash('sha256').update(data).digest();
