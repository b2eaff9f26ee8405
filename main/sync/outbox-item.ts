/** Reading outbox rows back as typed items. */
import type { Selectable } from 'kysely';
import type { CacheOutboxTable } from '../../db/cache/outbox-schema.ts';
import { MUTATION_ARGS, MutationNameSchema, type MutationArgs, type MutationName } from '../../domain/sync/mutations.ts';
import type { BeforeImage } from './optimistic-apply.ts';

/** One outbox row with its arguments parsed again (they were validated when queued). */
export interface OutboxItem {
  mutationId: number;
  clientId: string;
  name: MutationName;
  args: MutationArgs<MutationName>;
  baseVersion: number | null;
  before: BeforeImage;
  createdAt: string;
}

/** Parses a stored row; a row that no longer parses is a bug, so it throws rather than guess. */
export function toOutboxItem(row: Selectable<CacheOutboxTable>): OutboxItem {
  const name = MutationNameSchema.parse(row.name);
  return {
    mutationId: row.mutation_id,
    clientId: row.client_id,
    name,
    args: MUTATION_ARGS[name].parse(JSON.parse(row.args)),
    baseVersion: row.base_version,
    before: row.before_image === null ? null : (JSON.parse(row.before_image) as BeforeImage),
    createdAt: row.created_at,
  };
}
