/**
 * The user's own notifications (docs/notifications.md): read from the server, which lists only
 * what the user's policy sees, and the words of the desktop alert when new ones arrive.
 */
import type { UserNotification, UserNotificationList } from '../../domain/entities/user-notification.ts';
import type { NotificationsArrived } from '../../domain/ipc/notification-channels.ts';
import type { ApiClient } from '../api/api-client.ts';
import { whenOnline } from './when-online.ts';

/** What the channels need: the API and an access token. */
export interface MyNotificationDeps {
  api: ApiClient;
  accessToken: () => Promise<string>;
}

/** Offline, `network_error` in this channel's words. */
const online = <T>(run: () => Promise<T>): Promise<T> => whenOnline('Notifications come from the server: they show again when this computer is connected.', run);

/** The newest 50 notifications and the unread count. */
export async function listMine(deps: MyNotificationDeps): Promise<UserNotificationList> {
  return online(async () => deps.api.call('listMyNotifications', { query: { limit: 50 }, accessToken: await deps.accessToken() }));
}

/** Marks one read for this user. */
export async function markMineRead(deps: MyNotificationDeps, id: string): Promise<{ unread: number }> {
  return online(async () => deps.api.call('markNotificationRead', { params: { id }, body: {}, accessToken: await deps.accessToken() }));
}

/** Marks all read for this user. */
export async function markAllMineRead(deps: MyNotificationDeps): Promise<{ unread: number }> {
  return online(async () => deps.api.call('markAllNotificationsRead', { body: {}, accessToken: await deps.accessToken() }));
}

/**
 * The desktop alert for newly arrived notifications: "You have a new task" when all of them are
 * new tasks, otherwise "You have new notifications"; null when nothing arrived. Kinds only: the
 * words never carry a name, a title or an id.
 */
export function alertFor(arrived: readonly Pick<UserNotification, 'kind'>[]): NotificationsArrived | null {
  if (arrived.length === 0) {
    return null;
  }
  return { message: arrived.every((n) => n.kind === 'task_assigned') ? 'You have a new task' : 'You have new notifications' };
}
