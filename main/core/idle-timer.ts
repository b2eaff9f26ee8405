/** Counts down to the idle lock; user activity restarts the countdown. */

/** A restartable one-shot timer. */
export class IdleTimer {
  #timer: NodeJS.Timeout | null = null;

  /** `onIdle` runs once after `ms` without `touch`; it is not re-armed until `start`. */
  constructor(
    private ms: number,
    private readonly onIdle: () => void,
  ) {}

  /** Changes the idle time; a running countdown starts again with it. */
  setDuration(ms: number): void {
    this.ms = ms;
    this.touch();
  }

  /** Starts (or restarts) the countdown. */
  start(): void {
    this.stop();
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.onIdle();
    }, this.ms);
    this.#timer.unref();
  }

  /** Restarts the countdown if it is running (activity while locked or signed out changes nothing). */
  touch(): void {
    if (this.#timer) {
      this.start();
    }
  }

  /** Stops the countdown. */
  stop(): void {
    if (this.#timer) {
      clearTimeout(this.#timer);
      this.#timer = null;
    }
  }
}
