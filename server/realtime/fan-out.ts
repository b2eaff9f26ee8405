/**
 * After commits, reads the change log since this node last looked and pokes each connected user
 * who may see one of the changed records now, or who may have lost one (a `delete` or `access`
 * change: everyone connected is poked, as the server keeps no record of who held what).
 */
import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import { currentSeq } from '../changes/next-seq.ts';
import { groupChanges, scanChangeLog } from '../sync/change-groups.ts';
import { loadVisible } from '../sync/resolve-groups.ts';
import type { SocketHub } from './socket-hub.ts';

const SCAN = 1000;

/** Runs fan-outs one at a time; a request during a run causes one more run after it. */
export class FanOut {
  #lastSeen = 0;
  #running: Promise<void> | null = null;
  #again = false;
  #closed = false;

  constructor(
    private readonly db: Kysely<ServerDatabase>,
    private readonly hub: SocketHub,
    private readonly now: () => Date,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Starts from the current head: changes committed before this node started poke nobody. */
  async start(): Promise<void> {
    this.#lastSeen = await currentSeq(this.db);
  }

  /** Asks for a fan-out soon (never throws, never blocks the caller). */
  schedule(): void {
    if (this.#closed) {
      return;
    }
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = this.#loop().catch(this.onError).finally(() => {
      this.#running = null;
    });
  }

  /** Stops scheduling and waits for a run in progress. */
  async close(): Promise<void> {
    this.#closed = true;
    await this.#running;
  }

  async #loop(): Promise<void> {
    do {
      this.#again = false;
      await this.#runOnce();
    } while (this.#again && !this.#closed);
  }

  async #runOnce(): Promise<void> {
    for (;;) {
      const rows = await scanChangeLog(this.db, this.#lastSeen, SCAN);
      const last = rows.at(-1);
      if (!last) {
        return;
      }
      this.#lastSeen = last.seq;
      const users = this.hub.users();
      if (users.length > 0) {
        const groups = await groupChanges(this.db, rows);
        const lost = groups.some((g) => g.removable);
        const at = this.now().toISOString();
        for (const user of users) {
          if (lost || (await loadVisible(this.db, user, at, groups)).size > 0) {
            this.hub.poke(user.id);
          }
        }
      }
      if (rows.length < SCAN) {
        return;
      }
    }
  }
}
