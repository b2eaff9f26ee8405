/** The cache's sync client id (random, in the meta table) and its increasing mutation ids. */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { SyncCacheDatabase } from './sync-cache-db.ts';

const CLIENT_ID = 'sync.clientId';
const LAST_MUTATION_ID = 'sync.lastMutationId';

type Db = Kysely<SyncCacheDatabase>;

async function readMeta(db: Db, key: string): Promise<string | null> {
  const row = await db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value ?? null;
}

async function writeMeta(db: Db, key: string, value: string): Promise<void> {
  await db.insertInto('meta').values({ key, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
}

/** This cache's client id, created on first use (call inside a transaction). */
export async function ensureClientId(db: Db): Promise<string> {
  const existing = await readMeta(db, CLIENT_ID);
  if (existing !== null) {
    return existing;
  }
  const clientId = randomBytes(16).toString('base64url');
  await writeMeta(db, CLIENT_ID, clientId);
  await writeMeta(db, LAST_MUTATION_ID, '0');
  return clientId;
}

/**
 * The next mutation id: above every id handed out, every id still in the outbox (a wipe of the
 * meta table must not reuse one) and the server's last applied id (else the server would skip it
 * as a replay). Call inside the transaction that writes the outbox row.
 */
export async function nextMutationId(db: Db): Promise<number> {
  const last = Number(await readMeta(db, LAST_MUTATION_ID) ?? '0');
  const top = await db.selectFrom('outbox').select((eb) => eb.fn.max('mutation_id').as('m')).executeTakeFirst();
  const next = Math.max(last, Number(top?.m ?? 0)) + 1;
  await writeMeta(db, LAST_MUTATION_ID, String(next));
  return next;
}

/** Records the server's last applied id for our client, so new ids stay above it. */
export async function noteServerLastMutationId(db: Db, clientId: string, lastMutationId: number): Promise<void> {
  if ((await readMeta(db, CLIENT_ID)) !== clientId) {
    return;
  }
  const last = Number(await readMeta(db, LAST_MUTATION_ID) ?? '0');
  if (lastMutationId > last) {
    await writeMeta(db, LAST_MUTATION_ID, String(lastMutationId));
  }
}
