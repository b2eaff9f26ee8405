/** Kysely table types of the cache's outbox and conflict records (migration 0003); merged into CacheDatabase. */

/** Where an outbox item stands: waiting to be pushed, refused by the server, or in conflict with a newer server version. */
export type OutboxState = 'pending' | 'rejected' | 'conflict';

/** One local change waiting for (or refused by) the server; never deleted except when applied or dismissed by the user. */
export interface CacheOutboxTable {
  /** Increasing per client; the push order. */
  mutation_id: number;
  /** The client id the mutation was made under (a replay must use the same one). */
  client_id: string;
  name: string;
  /** JSON of the parsed mutation arguments. */
  args: string;
  base_version: number | null;
  state: OutboxState;
  /** JSON of the local row values this change replaced, so a refused change can be undone locally. */
  before_image: string | null;
  error_code: string | null;
  error_message: string | null;
  created_at: string;
  /** Push attempts that got no answer for this item (network, server down). */
  attempts: number;
}

/** A change the server did not apply because the record moved on: the user chooses mine, theirs, or a merge. */
export interface CacheSyncConflictTable {
  id: string;
  /** The outbox item (state `conflict`) this record explains. */
  mutation_id: number;
  entity: string;
  entity_id: string;
  /** JSON array of the contested field names. */
  fields: string;
  /** JSON object: my values of the contested fields. */
  mine: string;
  /** JSON object: the server's values of the contested fields. */
  theirs: string;
  server_version: number;
  created_at: string;
}

/** The tables 0003 adds; spread into CacheDatabase. */
export interface OutboxDatabase {
  outbox: CacheOutboxTable;
  sync_conflicts: CacheSyncConflictTable;
}
