/** Routes raw event payloads to the listeners registered for each event name. */

/** A listener that receives a payload not yet validated. */
export type RawListener = (payload: unknown) => void;

/**
 * A registry of listeners by event name. Each subscription is independent (the same function
 * subscribed twice is called twice), unsubscribing twice is harmless, and a listener that throws
 * does not stop the others.
 */
export class EventHub {
  readonly #listeners = new Map<string, Set<{ listener: RawListener }>>();
  #size = 0;

  /** How many subscriptions are live, across all events. */
  get size(): number {
    return this.#size;
  }

  /** Adds a listener; returns the function that removes it. */
  on(event: string, listener: RawListener): () => void {
    const subscription = { listener };
    const set = this.#listeners.get(event) ?? new Set();
    this.#listeners.set(event, set);
    set.add(subscription);
    this.#size++;
    return () => {
      if (set.delete(subscription)) {
        this.#size--;
      }
    };
  }

  /** Calls every listener of `event` with `payload`. */
  dispatch(event: string, payload: unknown): void {
    for (const { listener } of [...(this.#listeners.get(event) ?? [])]) {
      try {
        listener(payload);
      } catch (error) {
        // Surface the bug without breaking delivery to the other listeners.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }
}
