/** `npm run server`: the cloud API alone, configured from the environment (DATABASE_URL, PORT, secrets). */
import { readServerConfig } from '../context/config.ts';
import { startServer } from '../start-server.ts';

const config = readServerConfig(process.env);
const server = await startServer(config, { logger: true });
console.log(`Casebridge API listening on ${server.url} (${config.database.dialect})`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void server.close().then(() => process.exit(0));
  });
}
