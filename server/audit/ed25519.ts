/** Ed25519 signature checks with node:crypto over a raw 32-byte public key. */
import { createPublicKey, verify } from 'node:crypto';
import type { Ed25519Verify } from '../../domain/audit/signed-note.ts';

/** True when `signature` is `publicKey`'s Ed25519 signature of `message`. */
export const verifyEd25519: Ed25519Verify = (publicKey, message, signature) => {
  const key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKey).toString('base64url') }, format: 'jwk' });
  return verify(null, message, key, signature);
};
