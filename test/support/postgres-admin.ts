/** One statement (or a few) on PostgreSQL's admin connection: creating and dropping test databases. */
import pg from 'pg';

/** Connects to `url`, runs `run` with the client, and always disconnects. */
export async function withAdmin(url: string, run: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await run(client);
  } finally {
    await client.end();
  }
}
