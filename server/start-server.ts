/** Starts the cloud API: open and migrate the database, build the app, listen. */
import { removeErasedExportFiles } from './audit-exports/erased-export-files.ts';
import { failAbandonedExports } from './audit-exports/fail-abandoned-exports.ts';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../db/server/schema.ts';
import { buildApp } from './app.ts';
import { createTokenService } from './auth/token-service.ts';
import type { ServerConfig } from './context/config.ts';
import { secureDataDir } from './db/data-dir.ts';
import { openServerDb } from './db/connect.ts';
import type { LogDestination } from './http/log-options.ts';
import { migrateServerDb } from './db/migrate.ts';
import { grantApiRole, roleOfUrl } from './db/api-role.ts';
import { resolveJwtSecret } from './auth/jwt-secret.ts';
import { sealStoredTotpSecrets } from './auth/totp-secret-box.ts';
import { resolveTotpKey } from './auth/totp-key.ts';
import { sealStoredBlobs } from './documents/seal-stored-blobs.ts';
import type { ServerContext } from './context/server-context.ts';
import { silentNotifier } from './context/change-notifier.ts';
import { startRealtime } from './realtime/realtime.ts';
import { silentSessionEnds } from './context/session-ends.ts';
import { startGrantExpirySweep } from './access-requests/expire-grants.ts';
import { auditLogConfig } from './context/audit-log-config.ts';
import { loadAuditSigningKey } from './audit/audit-signing-key.ts';
import { createCheckpointSigner, startCheckpointSigning } from './audit/sign-checkpoint.ts';

/** A running server. */
export interface RunningServer {
  url: string;
  app: FastifyInstance;
  ctx: ServerContext;
  db: Kysely<ServerDatabase>;
  close(): Promise<void>;
}

/**
 * Starts a server from configuration; `now` lets tests control time, `logDestination` capture the log,
 * `grantSweepMs` run the grant expiry sweep more often than once a minute and `signInLimit` allow more
 * sign-ins a minute (both for the end-to-end world only).
 */
export async function startServer(
  config: ServerConfig,
  options: { logger: boolean; logDestination?: LogDestination; now?: () => Date; grantSweepMs?: number; signInLimit?: number } = { logger: false },
): Promise<RunningServer> {
  secureDataDir(config.dataDir);
  const opened = openServerDb(config.database);
  try {
    await migrate(config);
    if (config.database.dialect === 'sqlite' || !config.database.migrationUrl) {
      await migrateServerDb(opened.db);
    }
    const totpKey = resolveTotpKey(config);
    const auditLog = auditLogConfig(config);
    const signingKey = loadAuditSigningKey(auditLog.signingKeyFile, auditLog.origin, auditLog.createKeyIfMissing);
    const signer = createCheckpointSigner(opened.db, signingKey, auditLog, options.now);
    await sealStoredTotpSecrets(opened.db, totpKey);
    await sealStoredBlobs(opened.db, config);
    await failAbandonedExports(opened.db, config.dataDir, (options.now ?? (() => new Date()))());
    await removeErasedExportFiles(opened.db, config.dataDir);
    const ctx: ServerContext = {
      db: opened.db,
      dialect: opened.dialect,
      config,
      tokens: createTokenService(resolveJwtSecret(config), config.accessTokenSeconds),
      totpKey,
      now: options.now ?? (() => new Date()),
      notifier: silentNotifier,
      sessionEnds: silentSessionEnds,
      auditCheckpoints: { verifierKey: signingKey.verifierKey, signNow: () => signer.signNow() },
    };
    const app = await buildApp(ctx, { logger: options.logger, logDestination: options.logDestination, signInLimit: options.signInLimit });
    const realtime = await startRealtime(app, ctx, config.database);
    ctx.notifier = realtime.notifier;
    ctx.sessionEnds = realtime.sessionEnds;
    const address = await app.listen({ host: config.host, port: config.port }).catch(async (error: unknown) => {
      await realtime.close();
      await app.close();
      throw error;
    });
    const sweep = startGrantExpirySweep(ctx, options.grantSweepMs);
    const signing = startCheckpointSigning(signer, auditLog);
    return {
      url: address,
      app,
      ctx,
      db: opened.db,
      close: async () => {
        sweep.stop();
        signing.stop();
        ctx.notifier = silentNotifier;
        ctx.sessionEnds = silentSessionEnds;
        await realtime.close();
        await app.close();
        await opened.close();
      },
    };
  } catch (error) {
    await opened.close();
    throw error;
  }
}

/** With an owner role configured, migrates as the owner and grants the API's role only its rights. */
async function migrate(config: ServerConfig): Promise<void> {
  if (config.database.dialect !== 'postgres' || !config.database.migrationUrl) {
    return;
  }
  const apiRole = roleOfUrl(config.database.url);
  if (apiRole === roleOfUrl(config.database.migrationUrl)) {
    throw new Error('CASEBRIDGE_MIGRATION_DATABASE_URL must name another role than DATABASE_URL (the owner, not the API).');
  }
  const owner = openServerDb({ dialect: 'postgres', url: config.database.migrationUrl });
  try {
    await migrateServerDb(owner.db);
    await grantApiRole(owner.db, apiRole);
  } finally {
    await owner.close();
  }
}
