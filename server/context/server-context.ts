/** What every route handler may use: the database, configuration, token service and clock. */
import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import type { AuditCheckpoints } from './audit-checkpoints.ts';
import type { ServerConfig } from './config.ts';
import type { ChangeNotifier } from './change-notifier.ts';
import type { SessionEnds } from './session-ends.ts';
import type { TokenService } from './token-service.ts';

/** Shared server state, created once at start-up. */
export interface ServerContext {
  db: Kysely<ServerDatabase>;
  dialect: 'sqlite' | 'postgres';
  config: ServerConfig;
  tokens: TokenService;
  /** AES-256 key sealing TOTP secrets at rest (see auth/totp-secret-box.ts). */
  totpKey: Buffer;
  /** The current time; injectable so tests can move it. */
  now: () => Date;
  /** Told after every committed write; the real-time layer pokes affected users. */
  notifier: ChangeNotifier;
  /** Told after a commit that ended a user's sessions; open sockets of those sessions close. */
  sessionEnds: SessionEnds;
  /** Signs audit-log checkpoints with the key read from outside the database (docs/audit.md). */
  auditCheckpoints: AuditCheckpoints;
}
