import { describe, expect, it } from 'vitest';
import { buildAgency, buildUser } from '../support/factories.ts';
import { useServerMigration } from '../support/server-migration.ts';
import { testDialects } from '../support/test-databases.ts';

const T = '2026-11-21T09:00:00.000Z';

describe.each(testDialects())('migration 0006_push_outcomes on %s', (dialect) => {
  const m = useServerMigration(dialect, '0005_grant_expiry_sweep');

  /** A sync client that has pushed before the migration. */
  const existingClient = async () => {
    const agencyId = await buildAgency(m.db);
    const user = await buildUser(m.db, { agencyId, username: 'pushing.user' });
    const client = { client_id: 'client-before-0006', user_id: user.id, last_mutation_id: 7, updated_at: T };
    await m.db.insertInto('client_mutations').values(client).execute();
    return client;
  };

  it('keeps the clients, creates an empty outcome table keyed by client and mutation, and then stores one outcome each', async () => {
    const client = await existingClient();

    await m.migrateTo('0006_push_outcomes');
    const clients = await m.db.selectFrom('client_mutations').selectAll().execute();
    expect(clients.map((c) => ({ ...c, last_mutation_id: Number(c.last_mutation_id) }))).toEqual([client]);
    expect(await m.columnsOf('client_mutation_outcomes')).toEqual(['client_id', 'mutation_id', 'result', 'at']);
    expect(await m.db.selectFrom('client_mutation_outcomes').selectAll().execute()).toEqual([]);

    const outcome = { client_id: client.client_id, mutation_id: 7, result: '{"status":"rejected","code":"forbidden"}', at: T };
    await m.db.insertInto('client_mutation_outcomes').values(outcome).execute();
    const stored = await m.db.selectFrom('client_mutation_outcomes').selectAll().execute();
    expect(stored.map((o) => ({ ...o, mutation_id: Number(o.mutation_id) }))).toEqual([outcome]);
    // A replayed mutation gets the stored answer: a second outcome for the same one is refused.
    await expect(m.db.insertInto('client_mutation_outcomes').values({ ...outcome, result: '{"status":"applied"}' }).execute()).rejects.toThrow();
    // An outcome belongs to a known client.
    await expect(m.db.insertInto('client_mutation_outcomes').values({ ...outcome, client_id: 'no-such-client' }).execute()).rejects.toThrow();
  });

  it('drops the outcome table when migrated down and keeps the clients', async () => {
    const client = await existingClient();
    await m.migrateTo('0006_push_outcomes');
    await m.migrateTo('0005_grant_expiry_sweep');
    expect(await m.columnsOf('client_mutation_outcomes')).toEqual([]);
    expect(await m.db.selectFrom('client_mutations').select('client_id').execute()).toEqual([{ client_id: client.client_id }]);
  });
});
