/** A small LRU of prepared statements: Kysely's own SQLite driver re-prepares on every call (docs/sync.md). */

/** Keeps up to `capacity` prepared statements by SQL text, evicting the least recently used. */
export class StatementCache<S> {
  readonly #entries = new Map<string, S>();

  constructor(
    private readonly capacity: number,
    private readonly prepare: (sql: string) => S,
  ) {
    if (!Number.isInteger(capacity) || capacity < 0) {
      throw new RangeError('The statement cache capacity must be a non-negative integer.');
    }
  }

  /** The prepared statement for `sql`, preparing it on a miss. */
  get(sql: string): S {
    const hit = this.#entries.get(sql);
    if (hit !== undefined) {
      // Map keeps insertion order: re-inserting marks it most recently used.
      this.#entries.delete(sql);
      this.#entries.set(sql, hit);
      return hit;
    }
    const statement = this.prepare(sql);
    if (this.capacity === 0) {
      return statement;
    }
    this.#entries.set(sql, statement);
    if (this.#entries.size > this.capacity) {
      const oldest = this.#entries.keys().next();
      if (oldest.done !== true) {
        this.#entries.delete(oldest.value);
      }
    }
    return statement;
  }

  /** How many statements are held. */
  get size(): number {
    return this.#entries.size;
  }

  /** Forgets every statement (before the connection closes). */
  clear(): void {
    this.#entries.clear();
  }
}
