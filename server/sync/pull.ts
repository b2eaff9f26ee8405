/** Builds one page of a sync pull for a user, at one consistent snapshot. */
import type { Kysely, Transaction } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import { CodedError } from '../../domain/errors.ts';
import { AgencySchema } from '../../domain/entities.ts';
import type { PullResponse, SyncChange } from '../../domain/http/sync-schemas.ts';
import type { PolicyUser } from '../../domain/policy/case-policy.ts';
import { toCaseRecords } from '../cases/case-record.ts';
import { caseVisibleTo } from '../cases/visibility.ts';
import { currentSeq } from '../changes/next-seq.ts';

/** Reads the changes after `cursor` that the user may see, at most `limit` of them. */
export async function pullPage(
  db: Kysely<ServerDatabase>,
  dialect: 'sqlite' | 'postgres',
  args: { user: PolicyUser; cursor: number; limit: number },
): Promise<PullResponse> {
  const tx = db.transaction();
  // Repeatable read pins one snapshot on PostgreSQL; SQLite's single writer gives the same.
  const runner = dialect === 'postgres' ? tx.setIsolationLevel('repeatable read') : tx;
  return runner.execute((trx) => readPage(trx, args));
}

async function readPage(
  trx: Transaction<ServerDatabase>,
  { user, cursor, limit }: { user: PolicyUser; cursor: number; limit: number },
): Promise<PullResponse> {
  const head = await currentSeq(trx);
  if (cursor > head) {
    throw new CodedError('reset_required', 'The sync cursor is not known to this server; start again.');
  }
  const agencies = await trx
    .selectFrom('agencies')
    .select(['id', 'name', 'kind', 'code', 'seq'])
    .where('seq', '>', cursor)
    .orderBy('seq')
    .limit(limit + 1)
    .execute();
  const caseRows = await trx
    .selectFrom('cases')
    .selectAll()
    .where('seq', '>', cursor)
    .where(caseVisibleTo(user))
    .orderBy('seq')
    .limit(limit + 1)
    .execute();

  const caseRecords = await toCaseRecords(trx, caseRows);
  const changes: SyncChange[] = [
    ...agencies.map((a): SyncChange => ({ entity: 'agency', seq: Number(a.seq), data: AgencySchema.parse({ id: a.id, name: a.name, kind: a.kind, code: a.code }) })),
    ...caseRows.map((row, i): SyncChange => ({ entity: 'case', seq: Number(row.seq), data: caseRecords[i]! })),
  ].sort((a, b) => a.seq - b.seq);

  const hasMore = changes.length > limit;
  const page = changes.slice(0, limit);
  const last = page.at(-1);
  return {
    changes: page,
    removals: [],
    cursor: String(hasMore && last ? last.seq : head),
    hasMore,
    lastMutationId: 0,
  };
}
