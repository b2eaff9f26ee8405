/** Starts a real cloud API on a throwaway database for a test file. */
import type { ServerConfig } from '../../server/context/config.ts';
import type { LogDestination } from '../../server/http/log-options.ts';
import { startServer, type RunningServer } from '../../server/start-server.ts';
import { createTestDatabase, type TestDatabase } from './test-databases.ts';

/** A running test server and its database. */
export interface TestServer extends RunningServer {
  database: TestDatabase;
  stop(): Promise<void>;
}

/**
 * Starts a server on 127.0.0.1 with a random port; `now` lets a test move the clock, `logDestination`
 * turns the request log on and captures it, `config` overrides settings (e.g. trusted proxies).
 */
export async function startTestServer(
  dialect: 'sqlite' | 'postgres',
  options: { now?: () => Date; logDestination?: LogDestination; config?: Partial<ServerConfig> } = {},
): Promise<TestServer> {
  // A copy of the run's migrated template where there is one: the server's migrator then finds nothing to do.
  const database = await createTestDatabase(dialect, { migrated: true });
  const config: ServerConfig = {
    database: database.config,
    dataDir: database.dataDir,
    host: '127.0.0.1',
    port: 0,
    jwtSecret: 'test-secret-that-is-long-enough-for-hs256-signing',
    totpKey: '5a'.repeat(32),
    accessTokenSeconds: 900,
    refreshTokenDays: 14,
    ...options.config,
  };
  const server = await startServer(config, {
    logger: options.logDestination !== undefined,
    ...(options.logDestination ? { logDestination: options.logDestination } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  return {
    ...server,
    database,
    stop: async () => {
      await server.close();
      await database.drop();
    },
  };
}
