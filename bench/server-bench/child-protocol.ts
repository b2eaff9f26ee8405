/**
 * How the server benchmark's child processes talk to it: each child listens on a random loopback
 * port, sends `{ url }` once it is ready, and exits cleanly on `'stop'` (so `--cpu-prof` is written).
 */

/** The message a child sends when it listens. */
export interface ReadyMessage {
  url: string;
}

/** Tells the parent the child is ready, and closes `close` then exits when the parent says stop. */
export function announceReady(url: string, close: () => Promise<void>): void {
  process.on('message', (message) => {
    if (message === 'stop') {
      void close().finally(() => process.exit(0));
    }
  });
  // A parent that died must not leave the child listening.
  process.on('disconnect', () => process.exit(0));
  process.send?.({ url } satisfies ReadyMessage);
}

/** The one argument a child expects, or a clear failure. */
export function argument(index: number, name: string): string {
  const value = process.argv[2 + index];
  if (value === undefined) {
    throw new Error(`missing argument ${name}`);
  }
  return value;
}
