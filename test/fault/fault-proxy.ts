/** A TCP proxy that, per request chunk on each connection and from a seeded PRNG, passes through, delays, drops, truncates a response, or resets. */
import { connect, createServer, type Server, type Socket } from 'node:net';
import type { SeededRandom } from '../../server/seed/seeded-random.ts';

/** What happens to one connection. */
export type Fault = 'pass' | 'delay' | 'drop' | 'truncate' | 'reset';

/** One request's fate, for the printed schedule. */
export interface FaultEvent {
  conn: number;
  /** The request's number on its (keep-alive) connection. */
  request: number;
  fault: Fault;
  /** Delay in ms, or bytes of the response let through before the cut. */
  amount: number;
}

/** A running proxy; `faulty = false` makes every later connection pass. */
export interface FaultProxy {
  url: string;
  faulty: boolean;
  readonly events: FaultEvent[];
  close(): Promise<void>;
}

/** Relative weights of the faults on sync requests while `faulty`. */
const WEIGHTS: Array<[Fault, number]> = [['pass', 0.5], ['delay', 0.2], ['drop', 0.1], ['truncate', 0.1], ['reset', 0.1]];
/**
 * Sign-in (login, device, refresh) meets faults five times less often: it is not what this suite
 * tests, and the server allows ten sign-ins a minute per user, which a 50 % fault rate would exhaust.
 */
const SIGN_IN_SCALE = 0.2;

function choose(random: SeededRandom, chunk: Buffer): Fault {
  // The audit report is a step of the sync run too (POST /audit/client-events), as idempotent as a push.
  const sync = / \/(sync|audit)\//.test(chunk.subarray(0, 16).toString('latin1'));
  let r = random.next();
  for (const [fault, weight] of WEIGHTS) {
    r -= fault === 'pass' || sync ? weight : weight * SIGN_IN_SCALE;
    if (r < 0) {
      return fault;
    }
  }
  return 'pass';
}

/**
 * Listens on 127.0.0.1 and forwards to `target`. Upstream connections leave from `sourceAddress`
 * (any 127.x.y.z on Linux), so each run has its own client IP for the server's per-IP rate limits.
 */
export async function startFaultProxy(target: { host: string; port: number }, random: SeededRandom, sourceAddress = '127.0.0.1'): Promise<FaultProxy> {
  const sockets = new Set<Socket>();
  const events: FaultEvent[] = [];
  let conn = 0;
  const state = { faulty: true };
  const server: Server = createServer((client) => {
    conn += 1;
    const id = conn;
    let request = 0;
    // The fault of the exchange in flight: set when a request chunk arrives, applied to the answer.
    let current: FaultEvent = { conn: id, request: 0, fault: 'pass', amount: 0 };
    let sent = 0;
    let chain = Promise.resolve();
    sockets.add(client);
    client.on('error', () => undefined);
    const upstream = connect({ host: target.host, port: target.port, localAddress: sourceAddress });
    sockets.add(upstream);
    upstream.on('error', () => client.destroy());
    upstream.on('close', () => {
      sockets.delete(upstream);
      client.destroy();
    });
    client.on('close', () => {
      sockets.delete(client);
      upstream.destroy();
    });
    client.on('data', (chunk: Buffer) => {
      // Decided per chunk from the client (one HTTP request, usually), so keep-alive connections meet faults too.
      const fault: Fault = state.faulty ? choose(random, chunk) : 'pass';
      request += 1;
      const event: FaultEvent = { conn: id, request, fault, amount: fault === 'delay' ? random.int(20, 400) : fault === 'truncate' ? random.int(1, 600) : 0 };
      events.push(event);
      chain = chain.then(async () => {
        if (event.fault === 'drop') {
          client.destroy(); // dropped before anything reaches the server
          return;
        }
        if (event.fault === 'delay') {
          await new Promise((resolve) => setTimeout(resolve, event.amount));
        }
        current = event;
        sent = 0;
        upstream.write(chunk);
      });
    });
    client.on('end', () => void chain.then(() => upstream.end()));
    upstream.on('data', (chunk: Buffer) => {
      if (current.fault === 'reset') {
        // The server did the work; the client sees a TCP reset instead of the answer.
        client.resetAndDestroy();
        upstream.destroy();
        return;
      }
      if (current.fault === 'truncate') {
        // The request reached the server; the answer is cut mid-stream.
        const room = current.amount - sent;
        client.write(chunk.subarray(0, Math.max(0, room)));
        sent += chunk.length;
        if (sent >= current.amount) {
          client.destroy();
          upstream.destroy();
        }
        return;
      }
      client.write(chunk);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') {
    throw new Error('The fault proxy has no TCP address.');
  }
  return {
    url: `http://127.0.0.1:${address.port}`,
    get faulty() {
      return state.faulty;
    },
    set faulty(value: boolean) {
      state.faulty = value;
    },
    events,
    close: () => new Promise<void>((resolve) => {
      for (const socket of sockets) {
        socket.destroy();
      }
      server.close(() => resolve());
    }),
  };
}
