/** The cache database as the sync code sees it: the mirror tables plus the outbox (until schema.ts merges them). */
import type { OutboxDatabase } from '../../db/cache/outbox-schema.ts';
import type { CacheDatabase } from '../../db/cache/schema.ts';
import type { Role } from '../../domain/vocabulary.ts';

/** Mirror tables, meta, outbox and conflict records. */
export type SyncCacheDatabase = CacheDatabase & OutboxDatabase;

/** Who makes a local change: authorship of optimistic rows. */
export interface LocalActor {
  userId: string;
  agencyId: string;
  teamId: string | null;
  /** The user's role and teams, for checks made before a change is queued (absent: those checks are left to the server). */
  role?: Role;
  teamIds?: readonly string[];
}
