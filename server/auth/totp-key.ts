/** Finds the key that seals TOTP secrets at rest: the environment, or (embedded server only) a file in the data dir. */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServerConfig } from '../context/config.ts';

const HEX_KEY = /^[0-9a-f]{64}$/i;

/** The 32-byte key; several PostgreSQL nodes must share one, so there it must come from the environment. */
export function resolveTotpKey(config: ServerConfig): Buffer {
  if (config.totpKey) {
    return Buffer.from(config.totpKey, 'hex');
  }
  if (config.database.dialect === 'postgres') {
    throw new Error('CASEBRIDGE_TOTP_KEY must be set when DATABASE_URL is used (all API nodes share it).');
  }
  // Beside the JWT secret, not in the database: a copy of the database file alone does not open the secrets.
  const file = join(config.dataDir, 'totp-key');
  if (!existsSync(file)) {
    mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
  }
  const hex = readFileSync(file, 'utf8').trim();
  if (!HEX_KEY.test(hex)) {
    throw new Error(`${file} must hold 64 hex characters (the TOTP secret key).`);
  }
  return Buffer.from(hex, 'hex');
}
