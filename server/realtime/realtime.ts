/** Assembles real time for one node: the socket hub, the fan-out, and on PostgreSQL the LISTEN/NOTIFY link between nodes. */
import type { FastifyInstance } from 'fastify';
import type { DatabaseConfig } from '../context/config.ts';
import type { ServerContext } from '../context/server-context.ts';
import type { ChangeNotifier } from '../context/change-notifier.ts';
import { FanOut } from './fan-out.ts';
import { PgListener } from './pg-listener.ts';
import { SESSION_END_REASONS, type SessionEnd, type SessionEnds } from '../context/session-ends.ts';
import { SocketHub } from './socket-hub.ts';
import { registerSocketRoute } from './socket-route.ts';

/** A node's real-time machinery. */
export interface Realtime {
  notifier: ChangeNotifier;
  /** Closes ended sessions' sockets here and (on PostgreSQL) on every other node. */
  sessionEnds: SessionEnds;
  close(): Promise<void>;
}

/** Starts real time; `pollMs` is a safety net that also catches writes that bypassed withWrite. */
export async function startRealtime(
  app: FastifyInstance, ctx: ServerContext, database: DatabaseConfig, options: { pollMs?: number } = {},
): Promise<Realtime> {
  const logError = (error: unknown) => app.log.error({ err: error }, 'real-time fan-out failed');
  const hub = new SocketHub();
  const fanOut = new FanOut(ctx.db, hub, ctx.now, logError);
  await fanOut.start();
  await registerSocketRoute(app, ctx, hub);
  const endHere = (end: SessionEnd) => hub.endSessions(end.userId, end.reason, end.deviceId ?? null);
  const endFromPayload = (payload: string) => {
    const end = parseSessionEnd(payload);
    if (end) {
      endHere(end);
    }
  };
  const listener = database.dialect === 'postgres' ? new PgListener(database.url, () => fanOut.schedule(), logError, endFromPayload) : null;
  await listener?.start();
  const poll = setInterval(() => fanOut.schedule(), options.pollMs ?? 5000);
  poll.unref();
  const notifier: ChangeNotifier = {
    committed: () => {
      if (listener) {
        listener.notify().catch((error: unknown) => {
          logError(error);
          fanOut.schedule();
        });
      } else {
        fanOut.schedule();
      }
    },
  };
  const sessionEnds: SessionEnds = {
    ended: (end) => {
      // This node's sockets close at once; the other nodes hear it through PostgreSQL.
      endHere(end);
      listener?.notifySessionsEnded(JSON.stringify(end)).catch(logError);
    },
  };
  return {
    notifier,
    sessionEnds,
    close: async () => {
      clearInterval(poll);
      hub.closeAll();
      await listener?.close();
      await fanOut.close();
    },
  };
}

/** Reads a session-end message from another node; anything malformed is ignored. */
function parseSessionEnd(payload: string): SessionEnd | null {
  try {
    const value = JSON.parse(payload) as Partial<SessionEnd>;
    const reason = SESSION_END_REASONS.find((r) => r === value.reason);
    if (typeof value.userId !== 'string' || reason === undefined) {
      return null;
    }
    return { userId: value.userId, reason, ...(typeof value.deviceId === 'string' ? { deviceId: value.deviceId } : {}) };
  } catch {
    return null;
  }
}
