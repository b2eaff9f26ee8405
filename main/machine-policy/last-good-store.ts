/** Keeps the last policy that parsed, per source, so a later broken edit never drops the admin's settings. */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { PolicyOverridesSchema, type PolicyOverrides } from './admin-policy.ts';

/** The policy source a value or warning comes from. */
export type PolicySource = 'file' | 'registry';

/** The last good values of each source. */
export type LastGoodPolicy = Partial<Record<PolicySource, PolicyOverrides>>;

/** Where the last good copy is kept. */
export interface LastGoodStore {
  read(): LastGoodPolicy;
  write(value: LastGoodPolicy): void;
}

/** An in-memory store (tests, or when no data dir is writable). */
export function createMemoryLastGoodStore(initial: LastGoodPolicy = {}): LastGoodStore {
  let current = initial;
  return { read: () => current, write: (value) => (current = value) };
}

/**
 * A JSON file in the data dir (policy values are not secret) plus a memory copy, so a failed
 * disk write still protects this run. An unreadable or tampered copy counts as none.
 */
export function createFileLastGoodStore(path: string): LastGoodStore {
  let memory: LastGoodPolicy | undefined;
  return {
    read() {
      if (memory) {
        return memory;
      }
      try {
        const json = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
        const result: LastGoodPolicy = {};
        for (const source of ['file', 'registry'] as const) {
          const parsed = PolicyOverridesSchema.safeParse(json[source]);
          if (json[source] !== undefined && parsed.success) {
            result[source] = parsed.data;
          }
        }
        memory = result;
      } catch {
        memory = {};
      }
      return memory;
    },
    write(value) {
      memory = value;
      try {
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(`${path}.tmp`, JSON.stringify(value, null, 2));
        renameSync(`${path}.tmp`, path);
      } catch {
        // The memory copy still serves this run; the next good read tries the disk again.
      }
    },
  };
}
