/** The sockets connected to this node, by user; sends data-free pokes. */
import type { WebSocket } from 'ws';
import type { AuthUser } from '../auth/auth-user.ts';

const POKE = JSON.stringify({ type: 'poke' });

/** Connected users and their sockets. */
export class SocketHub {
  readonly #byUser = new Map<string, { user: AuthUser; sockets: Set<WebSocket> }>();

  /** Registers an authenticated socket; it leaves the hub when it closes. */
  add(user: AuthUser, socket: WebSocket): void {
    const entry = this.#byUser.get(user.id) ?? { user, sockets: new Set<WebSocket>() };
    entry.user = user;
    entry.sockets.add(socket);
    this.#byUser.set(user.id, entry);
    socket.once('close', () => {
      entry.sockets.delete(socket);
      if (entry.sockets.size === 0 && this.#byUser.get(user.id) === entry) {
        this.#byUser.delete(user.id);
      }
    });
  }

  /** The users with at least one open socket. */
  users(): AuthUser[] {
    return [...this.#byUser.values()].map((e) => e.user);
  }

  /** Pokes every socket of a user. */
  poke(userId: string): void {
    for (const socket of this.#byUser.get(userId)?.sockets ?? []) {
      if (socket.readyState === socket.OPEN) {
        socket.send(POKE);
      }
    }
  }

  /** Closes every socket (server shutdown). */
  closeAll(): void {
    for (const entry of this.#byUser.values()) {
      for (const socket of entry.sockets) {
        socket.close(1001, 'server closing');
      }
    }
    this.#byUser.clear();
  }
}
