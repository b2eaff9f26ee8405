/** Remembers when a device last pulled: the reads it later reports from its offline copy are bounded by it. */
import type { Transaction } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';

/**
 * Sets the device's `last_pulled_at` to `at` unless a later pull already did (never moves back).
 * Called in the audit flush that records the pull's disclosure (server/audit/audit-group-commit.ts):
 * the pull itself is a read-only snapshot transaction, and a write inside it would make two concurrent
 * pulls of one device fail serialisation on PostgreSQL.
 *
 * On PostgreSQL it never waits for the device row. The flush may already hold the audit head (an
 * earlier event in it), while a device revocation or a sign-in holds the row and waits for the head:
 * waiting here would deadlock, and the flush carries other requests' events. So a row another
 * transaction holds is skipped and keeps its older time, which only widens the window the device's
 * read reports are checked against by one pull; the device's next pull records its time.
 */
export async function noteDevicePull(
  trx: Transaction<ServerDatabase>, dialect: 'sqlite' | 'postgres', deviceId: string | null, userId: string, at: string,
): Promise<void> {
  if (deviceId === null) {
    return;
  }
  let update = trx.updateTable('devices').set({ last_pulled_at: at })
    .where('id', '=', deviceId).where('user_id', '=', userId)
    .where((eb) => eb.or([eb('last_pulled_at', 'is', null), eb('last_pulled_at', '<', at)]));
  if (dialect === 'postgres') {
    update = update.where('id', 'in', (eb) => eb.selectFrom('devices').select('id').where('id', '=', deviceId).forUpdate().skipLocked());
  }
  await update.execute();
}
