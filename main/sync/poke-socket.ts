/** The real-time socket: authenticates with the first message, turns pokes into pulls, reconnects with backoff. */
import WebSocket from 'ws';
import { SocketServerMessageSchema, SYNC_SOCKET_PATH } from '../../domain/http/sync-schemas.ts';
import { DEFAULT_BACKOFF, retryDelayMs, type Backoff } from './retry-backoff.ts';
import type { SocketTransport } from './socket-transport.ts';

/** Close code the server uses for a missing, invalid or expired token. */
export const SOCKET_UNAUTHORISED = 4401;

/** What the socket needs from the engine. */
export interface PokeSocketOptions {
  /** The server's http(s) base URL. */
  serverUrl: string;
  /** A valid access token; `afterUnauthorised` asks for a fresh one (the last was refused). */
  token: (afterUnauthorised: boolean) => Promise<string>;
  /** Something changed on the server: pull. */
  onPoke: () => void;
  /** Authenticated; pokes sent while disconnected were missed, so pull now too. */
  onReady: () => void;
  backoff?: Backoff;
  random?: () => number;
  /** The proxy and certificate authorities HTTP uses (inside Electron); without it, a direct connection. */
  transport?: SocketTransport;
}

/** One reconnecting socket; `start` and `stop` may be called any number of times. */
export class PokeSocket {
  #socket: WebSocket | null = null;
  #timer: NodeJS.Timeout | null = null;
  #failures = 0;
  #running = false;
  #unauthorised = false;

  constructor(private readonly options: PokeSocketOptions) {}

  /** True while authenticated and listening. */
  get ready(): boolean {
    return this.#socket !== null && this.#failures === 0 && this.#socket.readyState === WebSocket.OPEN;
  }

  /** Connects (if not already). */
  start(): void {
    if (this.#running) {
      return;
    }
    this.#running = true;
    this.#connect();
  }

  /** Closes the socket and stops reconnecting. */
  stop(): void {
    this.#running = false;
    if (this.#timer) {
      clearTimeout(this.#timer);
      this.#timer = null;
    }
    this.#socket?.close(1000, 'client stopped');
    this.#socket = null;
  }

  #connect(): void {
    const transport = this.options.transport;
    if (transport === undefined) {
      this.#open({});
      return;
    }
    const url = new URL(this.options.serverUrl);
    transport.agentFor(url).then(
      (agent) => this.#open({ ...(agent ? { agent } : {}), ...(transport.ca ? { ca: [...transport.ca] } : {}) }),
      // No proxy answer: try directly rather than not at all; the periodic pull still runs either way.
      () => this.#open(transport.ca ? { ca: [...transport.ca] } : {}),
    );
  }

  #open(connection: Pick<WebSocket.ClientOptions, 'agent' | 'ca'>): void {
    if (!this.#running || this.#socket !== null) {
      return;
    }
    const url = new URL(SYNC_SOCKET_PATH, this.options.serverUrl);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    const socket = new WebSocket(url, { handshakeTimeout: 15_000, ...connection });
    this.#socket = socket;
    this.#failures += 1; // counts as a failure until the server says ready
    socket.on('open', () => {
      this.options.token(this.#unauthorised).then(
        (token) => socket.readyState === WebSocket.OPEN && socket.send(JSON.stringify({ type: 'auth', token })),
        () => socket.close(1000, 'no token'),
      );
    });
    socket.on('message', (data: Buffer) => {
      const parsed = SocketServerMessageSchema.safeParse(safeJson(data.toString('utf8')));
      if (!parsed.success) {
        return; // pokes carry no data; anything else is ignored
      }
      if (parsed.data.type === 'ready') {
        this.#failures = 0;
        this.#unauthorised = false;
        this.options.onReady();
      } else {
        this.options.onPoke();
      }
    });
    // A failed connection emits 'error' then 'close'; the close handler reconnects.
    socket.on('error', () => undefined);
    socket.on('close', (code: number) => {
      if (this.#socket !== socket) {
        return;
      }
      this.#socket = null;
      this.#unauthorised = code === SOCKET_UNAUTHORISED;
      if (this.#running) {
        const wait = retryDelayMs(Math.max(1, this.#failures), this.options.backoff ?? DEFAULT_BACKOFF, this.options.random ?? Math.random);
        this.#timer = setTimeout(() => {
          this.#timer = null;
          this.#connect();
        }, wait);
        this.#timer.unref();
      }
    });
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
