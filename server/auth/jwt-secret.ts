/** Finds the access-token signing secret: the environment, or (embedded server only) a file in the data dir. */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServerConfig } from '../context/config.ts';

/** The secret; several PostgreSQL nodes must share one, so there it must come from the environment. */
export function resolveJwtSecret(config: ServerConfig): string {
  if (config.jwtSecret) {
    return config.jwtSecret;
  }
  if (config.database.dialect === 'postgres') {
    throw new Error('CASEBRIDGE_JWT_SECRET must be set when DATABASE_URL is used (all API nodes share it).');
  }
  const file = join(config.dataDir, 'jwt-secret');
  if (!existsSync(file)) {
    mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600, flag: 'wx' });
  }
  return readFileSync(file, 'utf8').trim();
}
