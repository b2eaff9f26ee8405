/**
 * PostgreSQL fan-out between nodes: after a commit a node sends NOTIFY on one channel, and every
 * node (itself included) LISTENs on a dedicated connection and runs its own fan-out.
 */
import pg from 'pg';

/** The channel every node listens on; the payload is empty (each node reads the change log itself). */
export const CHANGES_CHANNEL = 'casebridge_changes';
/** The channel for ended sessions; the payload names a user (and maybe a device), never a token. */
export const SESSIONS_CHANNEL = 'casebridge_sessions';

/** A dedicated LISTEN connection that reconnects after errors until closed. */
export class PgListener {
  #client: pg.Client | null = null;
  #closed = false;
  #retry: NodeJS.Timeout | null = null;

  constructor(
    private readonly url: string,
    private readonly onNotify: () => void,
    private readonly onError: (error: unknown) => void,
    private readonly onSessionsEnded: (payload: string) => void = () => undefined,
  ) {}

  /** Connects and starts listening. */
  async start(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url });
    client.on('notification', (message) => {
      if (message.channel === CHANGES_CHANNEL) {
        this.onNotify();
      } else if (message.channel === SESSIONS_CHANNEL) {
        this.onSessionsEnded(message.payload ?? '');
      }
    });
    client.on('error', (error) => {
      this.onError(error);
      this.#reconnectSoon(client);
    });
    await client.connect();
    await client.query(`LISTEN ${CHANGES_CHANNEL}`);
    await client.query(`LISTEN ${SESSIONS_CHANNEL}`);
    this.#client = client;
    // Anything committed while we were not listening is caught by this run.
    this.onNotify();
  }

  /** Tells every node (through PostgreSQL) that something was committed. */
  async notify(): Promise<void> {
    const client = this.#client;
    if (client && !this.#closed) {
      await client.query('select pg_notify($1, $2)', [CHANGES_CHANNEL, '']);
    }
  }

  /** Tells every node (through PostgreSQL) that some sessions ended; false when not connected. */
  async notifySessionsEnded(payload: string): Promise<boolean> {
    const client = this.#client;
    if (!client || this.#closed) {
      return false;
    }
    await client.query('select pg_notify($1, $2)', [SESSIONS_CHANNEL, payload]);
    return true;
  }

  /** Stops listening and closes the connection. */
  async close(): Promise<void> {
    this.#closed = true;
    if (this.#retry) {
      clearTimeout(this.#retry);
    }
    const client = this.#client;
    this.#client = null;
    await client?.end().catch(() => undefined);
  }

  #reconnectSoon(broken: pg.Client): void {
    if (this.#closed || this.#client !== broken) {
      return;
    }
    this.#client = null;
    void broken.end().catch(() => undefined);
    this.#retry = setTimeout(() => {
      this.#retry = null;
      if (!this.#closed) {
        this.start().catch((error: unknown) => {
          this.onError(error);
          this.#retry = setTimeout(() => this.#reconnectSoon(broken), 1000);
        });
      }
    }, 1000);
    this.#retry.unref();
  }
}
