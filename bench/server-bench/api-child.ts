/**
 * The server under test, in its own process: the real Casebridge API (every hook, plugin and the
 * request log, written to a sink that drops it) over the benchmark's SQLite file or PostgreSQL database.
 * Arguments: the database file (or a `postgres://` URL), the data directory, the JWT secret.
 */
import { startServer } from '../../server/start-server.ts';
import { announceReady, argument } from './child-protocol.ts';

const where = argument(0, 'database file or URL');
const server = await startServer(
  {
    database: where.startsWith('postgres://') ? { dialect: 'postgres', url: where } : { dialect: 'sqlite', file: where }, dataDir: argument(1, 'data dir'), host: '127.0.0.1', port: 0,
    jwtSecret: argument(2, 'jwt secret'), totpKey: '5a'.repeat(32), accessTokenSeconds: 3600, refreshTokenDays: 14,
  },
  // Production logs every request; the sink keeps the serialisation cost and drops the I/O.
  process.env.BENCH_LOG === '0' ? { logger: false } : { logger: true, logDestination: { write: () => undefined } },
);
announceReady(server.url, () => server.close());
