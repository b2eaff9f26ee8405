/**
 * 0028: indexes for the audit search's filters on the event row, on PostgreSQL (docs/audit.md, "The
 * scope index"). Measured by `npm run bench:audit-search` over 1M events: a rare action (or category)
 * was a sequential scan of every agency's events and a sort, a narrow date range a walk of the events
 * from the newest down to it. `(action, seq)` and `(category, seq)` let PostgreSQL walk one action's
 * events newest first and check each against the agency's scope; `(at)` reads a date range's events
 * only. SQLite gets none: without statistics its planner takes such an index for any equality filter
 * and sorts (the plan test's finding), while its walk of the agency's scope range stays cheap there.
 */
import { sql, type Kysely } from 'kysely';

type Db = Kysely<unknown>;

const INDEXES = [
  ['audit_events_action_seq_idx', ['action', 'seq']],
  ['audit_events_category_seq_idx', ['category', 'seq']],
  ['audit_events_at_idx', ['at']],
] as const;

/** Creates the indexes on PostgreSQL; nothing on SQLite. */
export async function up(db: Db): Promise<void> {
  if (!(await isPostgres(db))) {
    return;
  }
  for (const [name, columns] of INDEXES) {
    await db.schema.createIndex(name).on('audit_events').columns([...columns]).execute();
  }
}

/** Drops them again. */
export async function down(db: Db): Promise<void> {
  if (!(await isPostgres(db))) {
    return;
  }
  for (const [name] of INDEXES) {
    await db.schema.dropIndex(name).execute();
  }
}

async function isPostgres(db: Db): Promise<boolean> {
  try {
    const { rows } = await sql<{ v: string }>`select version() as v`.execute(db);
    return rows[0]?.v.startsWith('PostgreSQL') ?? false;
  } catch {
    return false;
  }
}
