/** The offline password check: an argon2id hash kept only inside the encrypted cache. */
import { hash, verify, type Algorithm } from '@node-rs/argon2';

// The package's `Algorithm` is a const enum, which verbatimModuleSyntax cannot read at runtime.
const ARGON2ID = 2 as Algorithm.Argon2id;

/** Hashes a password as an argon2id PHC string (salted; OWASP's 19 MiB, t=2 defaults). */
export function createPasswordVerifier(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
}

/** True when the password matches; a malformed verifier is a mismatch, never a crash. */
export async function checkPasswordVerifier(verifier: string, password: string): Promise<boolean> {
  if (!verifier.startsWith('$argon2id$')) {
    return false;
  }
  try {
    return await verify(verifier, password);
  } catch {
    return false;
  }
}
