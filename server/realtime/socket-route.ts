/**
 * The real-time socket (GET /sync/ws). A browser cannot set headers, and a token in the URL ends
 * up in logs, so the first message must be `{ type: 'auth', token }` within a few seconds. The
 * socket is closed when the access token expires; the client reconnects with a fresh one.
 */
import websocket from '@fastify/websocket';
import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import { SocketClientMessageSchema, SYNC_SOCKET_PATH } from '../../domain/http/sync-schemas.ts';
import type { AuthUser } from '../auth/auth-user.ts';
import { assertDeviceStanding } from '../auth/devices.ts';
import { loadSession } from '../auth/user-queries.ts';
import type { ServerContext } from '../context/server-context.ts';
import type { SocketHub } from './socket-hub.ts';

const AUTH_TIMEOUT_MS = 5000;
/** Close code for a socket that did not authenticate (4000–4999 are for applications). */
export const SOCKET_UNAUTHORISED = 4401;

/** Registers the websocket plugin and the socket route on the app. */
export async function registerSocketRoute(app: FastifyInstance, ctx: ServerContext, hub: SocketHub): Promise<void> {
  await app.register(async (scope) => {
    await scope.register(websocket, { options: { maxPayload: 8192 } });
    scope.get(SYNC_SOCKET_PATH, { websocket: true }, (socket) => {
      const timer = setTimeout(() => socket.close(SOCKET_UNAUTHORISED, 'authenticate first'), AUTH_TIMEOUT_MS);
      socket.once('message', (data: Buffer) => {
        clearTimeout(timer);
        admit(ctx, hub, socket, data).catch(() => socket.close(SOCKET_UNAUTHORISED, 'not authenticated'));
      });
      socket.on('close', () => clearTimeout(timer));
    });
  });
}

/**
 * Authenticates the socket, joins it to the hub, then checks the session once more: a reset or
 * revocation that committed while the first check ran closed the sockets already in the hub, not
 * this one, so the second check (after joining) is what leaves no gap.
 */
async function admit(ctx: ServerContext, hub: SocketHub, socket: WebSocket, data: Buffer): Promise<void> {
  const { user, deviceId, expiresAt } = await authenticateSocket(ctx, data);
  if (socket.readyState !== socket.OPEN) {
    return;
  }
  hub.add(user, socket, deviceId);
  await authenticateSocket(ctx, data);
  if (socket.readyState !== socket.OPEN) {
    return;
  }
  closeAtExpiry(socket, expiresAt, ctx.now());
  socket.send(JSON.stringify({ type: 'ready' }));
}

/**
 * The same checks as HTTP's authenticate: a valid token, an active user, a token issued after the
 * user's session cut-off (a second-factor reset), and a device that is the user's and not revoked.
 */
async function authenticateSocket(ctx: ServerContext, data: Buffer): Promise<{ user: AuthUser; deviceId: string | null; expiresAt: number }> {
  const message = SocketClientMessageSchema.parse(JSON.parse(data.toString('utf8')));
  const claims = await ctx.tokens.verifyAccessClaims(message.token, ctx.now());
  const session = await loadSession(ctx.db, { userId: claims.userId, tokenIssuedAt: claims.issuedAt, deviceId: claims.deviceId });
  if (!session) {
    throw new Error('inactive user');
  }
  const { user, device } = session;
  if (claims.deviceId !== null) {
    assertDeviceStanding(device, user.id);
  }
  return { user, deviceId: claims.deviceId, expiresAt: tokenExpiry(message.token) };
}

/** The `exp` of an already verified JWT, in milliseconds. */
function tokenExpiry(token: string): number {
  const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { exp?: unknown };
  return typeof payload.exp === 'number' ? payload.exp * 1000 : 0;
}

function closeAtExpiry(socket: WebSocket, expiresAt: number, now: Date): void {
  const timer = setTimeout(() => socket.close(SOCKET_UNAUTHORISED, 'token expired'), Math.max(0, Math.min(expiresAt - now.getTime(), 2 ** 31 - 1)));
  timer.unref();
  socket.once('close', () => clearTimeout(timer));
}
