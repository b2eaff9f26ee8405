/**
 * A test double of our SecretStore kept in a JSON file, so a SIGKILLed child restarted on the same
 * data dir finds its cache key and refresh token again. Test-only: real secrets never go in files.
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import type { SecretStore } from '../../main/secrets/secret-store.ts';

/** A SecretStore over one JSON file, written atomically (temp file, fsync, rename) on every change. */
export function createFileSecretStore(file: string): SecretStore {
  const read = (): Record<string, string> => (existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>) : {});
  const write = (entries: Record<string, string>): void => {
    const temp = `${file}.tmp`;
    const fd = openSync(temp, 'w', 0o600);
    writeSync(fd, JSON.stringify(entries));
    fsyncSync(fd);
    closeSync(fd);
    renameSync(temp, file);
  };
  return {
    get: (account) => Promise.resolve(read()[account] ?? null),
    set: (account, value) => {
      write({ ...read(), [account]: value });
      return Promise.resolve();
    },
    delete: (account) => {
      const { [account]: _gone, ...rest } = read();
      write(rest);
      return Promise.resolve();
    },
  };
}
