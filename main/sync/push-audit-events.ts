/**
 * Reports the reads answered from the offline copy to POST /audit/client-events, batch by batch,
 * deleting each only once the server has acknowledged it. Offline, they wait for the next sync.
 * A revoked device wipes the whole cache, these with it. That is accepted: the server refuses
 * everything from a revoked device, so they could not be reported anyway, and the wipe must leave
 * no personal data (search terms are) behind. What is lost is the reads since its last sync.
 */
import { CodedError } from '../../domain/errors.ts';
import type { ApiClient } from '../api/api-client.ts';
import type { AuditOutbox } from '../cache/audit-outbox.ts';

/**
 * Events per report: well under the server's 200, so that a batch of searches each naming 100
 * persons stays under the server's 1 MiB body limit.
 */
export const AUDIT_BATCH = 50;

/**
 * Reports until nothing of `userId` is pending. A report is idempotent (the events' ids), so it is
 * retried and replayed freely; an error leaves every unacknowledged event queued and is rethrown.
 */
export async function pushAuditEvents(outbox: AuditOutbox, userId: string, api: ApiClient, accessToken: () => Promise<string>): Promise<{ reported: number }> {
  let reported = 0;
  for (;;) {
    // Only this user's reads: the server records them as whoever's token carries them.
    const batch = await outbox.pending(userId, AUDIT_BATCH);
    if (batch.length === 0) {
      return { reported };
    }
    const ack = await api.call('auditClientEvents', { body: { events: batch }, accessToken: await accessToken(), idempotent: true });
    const sent = new Set(batch.map((e) => e.clientEventId));
    const deleted = await outbox.acknowledge(ack.acknowledged.filter((id) => sent.has(id)));
    if (deleted === 0) {
      // Never loop on an answer that settles nothing; the events stay queued.
      throw new CodedError('internal_error', 'The server acknowledged none of the reads reported to its audit trail.');
    }
    reported += deleted;
  }
}
