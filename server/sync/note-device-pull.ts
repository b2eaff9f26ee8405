/** Remembers when a device last pulled: the reads it later reports from its offline copy are bounded by it. */
import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';

/**
 * Sets the device's `last_pulled_at` to `at` unless a later pull already did (never moves back).
 * Called once the pull's page is built, in the transaction that records its disclosure: the pull
 * itself is a read-only snapshot transaction, and a write inside it would make two concurrent pulls
 * of one device fail serialisation on PostgreSQL.
 */
export async function noteDevicePull(db: Kysely<ServerDatabase>, deviceId: string | null, userId: string, at: string): Promise<void> {
  if (deviceId === null) {
    return;
  }
  await db.updateTable('devices').set({ last_pulled_at: at })
    .where('id', '=', deviceId).where('user_id', '=', userId)
    .where((eb) => eb.or([eb('last_pulled_at', 'is', null), eb('last_pulled_at', '<', at)]))
    .execute();
}
