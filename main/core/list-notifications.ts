/** The `notifications.list` channel: the server's notifications to the user's agency, named from the offline copy. */
import { CodedError } from '../../domain/errors.ts';
import type { NotificationView } from '../../domain/ipc/notification-channels.ts';
import type { ApiClient } from '../api/api-client.ts';
import type { CaseCache } from '../cache/case-cache.ts';
import { OFFLINE_CODES } from '../sync/sync-engine.ts';

/** What listing needs: the session's cache (for names), the API and an access token. */
export interface NotificationDeps {
  cache: CaseCache;
  api: ApiClient;
  accessToken: () => Promise<string>;
}

/** The newest notifications; offline, `network_error` saying they come from the server. */
export async function listNotifications(deps: NotificationDeps): Promise<{ notifications: NotificationView[] }> {
  let records;
  try {
    records = (await deps.api.call('listNotifications', { query: { limit: 50 }, accessToken: await deps.accessToken() })).notifications;
  } catch (error) {
    if (error instanceof CodedError && OFFLINE_CODES.has(error.code)) {
      throw new CodedError('network_error', 'Notifications come from the server: they show again when this computer is connected.');
    }
    throw error;
  }
  const names = await deps.cache.personNames(records.map((r) => r.personId));
  return { notifications: records.map((r) => ({ ...r, personName: names.get(r.personId) ?? null })) };
}
