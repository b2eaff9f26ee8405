/** A test WebSocket client for the real-time poke channel: counts pokes, waits for them. */
import WebSocket from 'ws';

/** An authenticated socket and what it received. */
export interface PokeSocket {
  pokes(): number;
  /** Resolves true when a poke arrives within `ms`, false otherwise. */
  nextPoke(ms: number): Promise<boolean>;
  /** Resolves with the close code and reason when the socket closes, or null after `ms`. */
  closed(ms: number): Promise<{ code: number; reason: string } | null>;
  close(): void;
}

/** Connects to a server's socket, authenticates with the token and waits for `ready`. */
export function openPokeSocket(baseUrl: string, token: string): Promise<PokeSocket> {
  const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/sync/ws`);
  let count = 0;
  const waiters: Array<() => void> = [];
  const closing = new Promise<{ code: number; reason: string }>((done) => {
    socket.on('close', (code: number, reason: Buffer) => done({ code, reason: reason.toString('utf8') }));
  });
  return new Promise((resolve, reject) => {
    socket.on('error', reject);
    socket.on('close', (code) => reject(new Error(`closed ${code}`)));
    socket.on('open', () => socket.send(JSON.stringify({ type: 'auth', token })));
    socket.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString('utf8')) as { type: string };
      if (message.type === 'ready') {
        resolve({
          pokes: () => count,
          nextPoke: (ms) => new Promise((done) => {
            const timer = setTimeout(() => done(false), ms);
            waiters.push(() => {
              clearTimeout(timer);
              done(true);
            });
          }),
          closed: (ms) => Promise.race([closing, new Promise<null>((done) => setTimeout(() => done(null), ms).unref())]),
          close: () => socket.close(),
        });
      } else if (message.type === 'poke') {
        count += 1;
        waiters.splice(0).forEach((w) => w());
      }
    });
  });
}

/** Connects and sends `first` as the first message; resolves with the close code. */
export function closeCodeFor(baseUrl: string, first: string): Promise<number> {
  const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/sync/ws`);
  return new Promise((resolve, reject) => {
    socket.on('error', reject);
    socket.on('open', () => socket.send(first));
    socket.on('close', (code) => resolve(code));
  });
}
