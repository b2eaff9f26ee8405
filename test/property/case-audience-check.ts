/**
 * The differential check of the case list's audience rows (docs/access.md, "The case list's
 * audience rows"): the audience query, walked page by page through its cursor with no pure-policy
 * re-check, must list exactly the cases the pure policy lets each user see, newest first, once each.
 */
import type { Kysely, Transaction } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import { canSeeCase } from '../../domain/policy/case-policy.ts';
import type { PolicyUser } from '../../domain/policy/policy-user.ts';
import { audiencePageSql } from '../../server/access/case-audience.ts';
import { loadCaseShares, policyOf } from '../../server/cases/case-policy-loader.ts';

type Db = Kysely<ServerDatabase> | Transaction<ServerDatabase>;

/** What one user's audience list got wrong; absent when it agrees with the policy. */
export interface AudienceMismatch {
  user: string;
  /** Visible by the policy, missing from the list. */
  missing: string[];
  /** Listed, though the policy refuses it. */
  extra: string[];
  /** The list was not newest first without repeats. */
  misordered: boolean;
}

/** Every case id the audience query lists for the user, walking pages of `pageSize` through the keyset. */
export async function audienceListed(db: Db, user: PolicyUser, at: string, pageSize: number): Promise<Array<{ id: string; updatedAt: string }>> {
  const out: Array<{ id: string; updatedAt: string }> = [];
  let after: { updatedAt: string; id: string } | undefined;
  for (;;) {
    const page = audiencePageSql(user, at, { limit: pageSize + 1, after });
    const rows = page === undefined ? [] : (await page.execute(db)).rows;
    out.push(...rows.slice(0, pageSize).map((r) => ({ id: r.case_id, updatedAt: r.updated_at })));
    if (rows.length <= pageSize) {
      return out;
    }
    const last = rows[pageSize - 1]!;
    after = { updatedAt: last.updated_at, id: last.case_id };
  }
}

/** The ids of every case the pure policy lets the user see, from the tables' current state. */
export async function policyVisibleCases(db: Db, user: PolicyUser, at: string): Promise<string[]> {
  const rows = await db.selectFrom('cases').selectAll().execute();
  const shares = await loadCaseShares(db, rows.map((r) => r.id), user.id);
  return rows.filter((r) => canSeeCase(user, policyOf(r, shares), at)).map((r) => r.id).sort();
}

/**
 * Compares the audience list with the expected visible cases for each user (by default, the pure
 * policy over the tables); returns one entry per user it got wrong, so an empty list means agreement.
 */
export async function audienceMismatches(
  db: Db, users: readonly PolicyUser[], at: string, options: { pageSize?: number; expected?: (user: PolicyUser, i: number) => readonly string[] } = {},
): Promise<AudienceMismatch[]> {
  const out: AudienceMismatch[] = [];
  for (const [i, user] of users.entries()) {
    const listed = await audienceListed(db, user, at, options.pageSize ?? 3);
    const want = new Set(options.expected?.(user, i) ?? await policyVisibleCases(db, user, at));
    const got = new Set(listed.map((r) => r.id));
    const misordered = got.size !== listed.length || listed.some((r, k) => k > 0 && !newerFirst(listed[k - 1]!, r));
    const missing = [...want].filter((id) => !got.has(id)).sort();
    const extra = [...got].filter((id) => !want.has(id)).sort();
    if (missing.length > 0 || extra.length > 0 || misordered) {
      out.push({ user: user.id, missing, extra, misordered });
    }
  }
  return out;
}

function newerFirst(a: { id: string; updatedAt: string }, b: { id: string; updatedAt: string }): boolean {
  return a.updatedAt > b.updatedAt || (a.updatedAt === b.updatedAt && a.id > b.id);
}
