/** Kysely type of the bootstrap staging table (cache migration 0004). */
import type { Generated } from 'kysely';

/** One staged record of a bootstrap in progress. */
export interface CacheBootstrapStagedTable {
  rid: Generated<number>;
  entity: string;
  id: string;
  /** The sync change as JSON. */
  data: string;
}

/** The staging table, kept apart from the mirror tables that sync fills. */
export interface BootstrapStagingDatabase {
  bootstrap_staged: CacheBootstrapStagedTable;
}
