import { z } from 'zod';

/** Every entity id is a UUID string. */
export const IdSchema = z.uuid();
export type Id = z.infer<typeof IdSchema>;

/** A new random id (Web Crypto, available in Node, browsers and Electron alike). */
export function newId(): Id {
  return globalThis.crypto.randomUUID();
}

/** An ISO-8601 UTC timestamp such as 2026-11-25T09:30:00.000Z. */
export const TimestampSchema = z.iso.datetime();
