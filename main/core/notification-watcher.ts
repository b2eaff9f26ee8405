/**
 * Notices newly arrived notifications after each successful sync (a server poke starts one, and
 * so does the periodic sync) and announces them with the fixed words of `alertFor` — which the
 * Electron shell shows as an OS notification. The first look after sign-in only learns what is
 * already there: old notifications never pop up again after a restart.
 */
import type { NotificationsArrived } from '../../domain/ipc/notification-channels.ts';
import { alertFor, listMine, type MyNotificationDeps } from './my-notifications.ts';

/** What the watcher needs: who is signed in (null when nobody, or locked), the server calls and where to announce. */
export interface NotificationWatcherDeps {
  userId: () => string | null;
  online: () => MyNotificationDeps;
  announce: (alert: NotificationsArrived) => void;
}

/** Remembers the notifications seen by the signed-in user; `check` announces the new unread ones. */
export class NotificationWatcher {
  #userId: string | null = null;
  #seen = new Set<string>();
  #running: Promise<void> = Promise.resolve();

  constructor(private readonly deps: NotificationWatcherDeps) {}

  /** Looks once (runs one at a time; failures are ignored: the next sync looks again). */
  check(): Promise<void> {
    this.#running = this.#running.then(() => this.#look()).catch(() => undefined);
    return this.#running;
  }

  async #look(): Promise<void> {
    const userId = this.deps.userId();
    if (userId === null) {
      this.#userId = null;
      this.#seen.clear();
      return;
    }
    const { notifications } = await listMine(this.deps.online());
    const first = userId !== this.#userId;
    if (first) {
      this.#userId = userId;
      this.#seen = new Set();
    }
    const arrived = notifications.filter((n) => !this.#seen.has(n.id) && !n.read);
    for (const n of notifications) {
      this.#seen.add(n.id);
    }
    const alert = first ? null : alertFor(arrived);
    if (alert) {
      this.deps.announce(alert);
    }
  }
}
