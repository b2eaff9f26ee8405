/** The sockets connected to this node, by user; sends data-free pokes and ends sessions. */
import type { WebSocket } from 'ws';
import type { AuthUser } from '../auth/auth-user.ts';

const POKE = JSON.stringify({ type: 'poke' });

/** Close code for a socket whose session ended (the same as an unauthenticated one: the client signs in again). */
export const SOCKET_SESSION_ENDED = 4401;

/** Connected users and their sockets, each with the device its token was bound to (null: none). */
export class SocketHub {
  readonly #byUser = new Map<string, { user: AuthUser; sockets: Map<WebSocket, string | null> }>();

  /** Registers an authenticated socket; it leaves the hub when it closes. */
  add(user: AuthUser, socket: WebSocket, deviceId: string | null = null): void {
    const entry = this.#byUser.get(user.id) ?? { user, sockets: new Map<WebSocket, string | null>() };
    entry.user = user;
    entry.sockets.set(socket, deviceId);
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
    for (const socket of this.#byUser.get(userId)?.sockets.keys() ?? []) {
      if (socket.readyState === socket.OPEN) {
        socket.send(POKE);
      }
    }
  }

  /**
   * Closes a user's sockets at once, or only those bound to one device, because their session
   * ended (second factor reset, device revoked): an open socket must not outlive its session.
   */
  endSessions(userId: string, reason: string, deviceId: string | null = null): void {
    const entry = this.#byUser.get(userId);
    for (const [socket, bound] of entry?.sockets ?? []) {
      if (deviceId === null || bound === deviceId) {
        socket.close(SOCKET_SESSION_ENDED, reason);
      }
    }
  }

  /** Closes every socket (server shutdown). */
  closeAll(): void {
    for (const entry of this.#byUser.values()) {
      for (const socket of entry.sockets.keys()) {
        socket.close(1001, 'server closing');
      }
    }
    this.#byUser.clear();
  }
}
