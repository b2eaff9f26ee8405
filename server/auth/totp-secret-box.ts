/**
 * TOTP secrets at rest: AES-256-GCM with the user id as associated data (a sealed secret copied to
 * another user's row does not open), stored as `v1:` + base64url(iv | ciphertext | tag).
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { CodedError } from '../../domain/errors.ts';
import type { ServerDatabase } from '../../db/server/schema.ts';

const PREFIX = 'v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** What a secret stored before sealing looks like (base32); only these are read as they are. */
const PLAINTEXT_SECRET = /^[A-Z2-7]+=*$/;

/** Seals a base32 secret for one user. */
export function sealTotpSecret(key: Buffer, userId: string, secret: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(userId, 'utf8'));
  const sealed = Buffer.concat([iv, cipher.update(secret, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return PREFIX + sealed.toString('base64url');
}

/**
 * Opens a stored secret. A value from before sealing (plain base32) is returned as it is, so a
 * row written between start-up and now still works; start-up seals every such row. A sealed value
 * that does not open (wrong key, another user's row, altered) is an error, never a pass.
 */
export function openTotpSecret(key: Buffer, userId: string, stored: string): string {
  if (!stored.startsWith(PREFIX)) {
    if (PLAINTEXT_SECRET.test(stored)) {
      return stored;
    }
    throw unreadable();
  }
  const bytes = Buffer.from(stored.slice(PREFIX.length), 'base64url');
  if (bytes.length <= IV_BYTES + TAG_BYTES) {
    throw unreadable();
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(userId, 'utf8'));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    throw unreadable();
  }
}

/**
 * Start-up step: seals every secret still stored in plain text (compare-and-set per row, so it is
 * safe with several nodes starting at once), then checks that the key opens a sealed one, so a
 * wrong CASEBRIDGE_TOTP_KEY stops the server instead of failing each sign-in later.
 */
export async function sealStoredTotpSecrets(db: Kysely<ServerDatabase>, key: Buffer): Promise<number> {
  const plain = await db.selectFrom('users').select(['id', 'totp_secret'])
    .where('totp_secret', 'is not', null).where('totp_secret', 'not like', `${PREFIX}%`).execute();
  for (const row of plain) {
    const secret = row.totp_secret ?? '';
    await db.updateTable('users').set({ totp_secret: sealTotpSecret(key, row.id, secret) })
      .where('id', '=', row.id).where('totp_secret', '=', secret).execute();
  }
  const sample = await db.selectFrom('users').select(['id', 'totp_secret'])
    .where('totp_secret', 'like', `${PREFIX}%`).orderBy('id').limit(1).executeTakeFirst();
  if (sample?.totp_secret) {
    try {
      openTotpSecret(key, sample.id, sample.totp_secret);
    } catch {
      throw new Error('The TOTP key (CASEBRIDGE_TOTP_KEY, or totp-key in the data dir) does not open the stored second-factor secrets: it is not the key they were sealed with.');
    }
  }
  return plain.length;
}

function unreadable(): CodedError {
  return new CodedError('internal_error', 'A stored second-factor secret could not be opened with the configured TOTP key; ask an administrator to check CASEBRIDGE_TOTP_KEY.');
}
