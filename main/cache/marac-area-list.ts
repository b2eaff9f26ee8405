/**
 * The MARAC areas last read from the server, kept in the cache's `meta` so a referral can be made
 * with no network (docs/marac.md, "Offline"). Areas are the same for everyone signed in and name no
 * case or person; the server checks the area again when the referral is pushed.
 */
import type { Kysely } from 'kysely';
import type { CacheDatabase } from '../../db/cache/schema.ts';
import { MaracAreaRecordSchema, type MaracAreaRecord } from '../../domain/entities/marac-referral.ts';

const KEY = 'marac.areas';

/** Remember the server's list; recall it when the server cannot be reached (null before the first read). */
export interface MaracAreaListStore {
  remember(areas: readonly MaracAreaRecord[]): Promise<void>;
  recall(): Promise<MaracAreaRecord[] | null>;
}

/** The store over the cache's write handle. */
export function createMaracAreaListStore(db: Kysely<CacheDatabase>): MaracAreaListStore {
  return {
    async remember(areas) {
      const value = JSON.stringify(areas);
      await db.insertInto('meta').values({ key: KEY, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
    },
    async recall() {
      const row = await db.selectFrom('meta').select('value').where('key', '=', KEY).executeTakeFirst();
      if (!row) {
        return null;
      }
      const parsed = MaracAreaRecordSchema.array().safeParse(JSON.parse(row.value));
      return parsed.success ? parsed.data : null;
    },
  };
}
