/**
 * Bulk-loads the benchmark world straight into the tables: agencies with one team and one user each,
 * 100,000 cases of which the first agency owns 10,000, each with a change-log row.
 */
import type { Insertable, Kysely } from 'kysely';
import type { CaseTable, ServerDatabase } from '../db/server/schema.ts';
import { newId } from '../domain/ids.ts';
import { refreshCaseAudience } from '../server/access/case-audience.ts';

const T = '2026-11-01T09:00:00.000Z';
const BATCH = 500;

/** The user the benchmark signs in as, who can see `visible` of `total` cases. */
export interface BenchWorld {
  userId: string;
  visible: number;
  total: number;
}

/** Loads `total` cases over 10 agencies; the benchmark user's agency owns `visible` of them. */
export async function loadBenchWorld(db: Kysely<ServerDatabase>, total: number, visible: number): Promise<BenchWorld> {
  const agencies = Array.from({ length: 10 }, () => newId());
  const users: string[] = [];
  // Migrations may already have logged changes (the case types, 0024): the cases' changes follow them.
  const { seq: base } = await db.selectFrom('change_seq').select('seq').where('id', '=', 1).executeTakeFirstOrThrow();
  await db.transaction().execute(async (trx) => {
    for (const [i, id] of agencies.entries()) {
      await trx.insertInto('agencies').values({ id, name: `Bench agency ${i}`, kind: 'council', code: `BN${i}`, created_at: T, seq: 0 }).execute();
      const teamId = newId();
      await trx.insertInto('teams').values({ id: teamId, agency_id: id, name: 'Team' }).execute();
      const userId = newId();
      users.push(userId);
      await trx.insertInto('users').values({
        id: userId, agency_id: id, username: `bench${i}`, display_name: `Bench ${i}`, role: 'practitioner', password_hash: 'unused', disabled: 0, created_at: T,
      }).execute();
      await trx.insertInto('user_teams').values({ user_id: userId, team_id: teamId }).execute();
    }
  });
  for (let start = 0; start < total; start += BATCH) {
    const rows: Array<Insertable<CaseTable> & { id: string; seq: number }> = [];
    for (let n = start; n < Math.min(total, start + BATCH); n += 1) {
      // Every tenth case belongs to agency 0 until it owns `visible`; the rest spread over the others.
      const mine = n % Math.round(total / visible) === 0;
      const owner = mine ? 0 : 1 + (n % 9);
      const day = String(1 + (n % 28)).padStart(2, '0');
      rows.push({
        id: newId(), reference: `BN-${n}`, title: `Benchmark case ${n}`, case_type: 'asb', status: 'open', closure_reason: null,
        risk_level: 'medium', review_date: null, owner_agency_id: agencies[owner]!, owner_team_id: null, owner_user_id: null,
        sharing_level: 'owner_agency', created_at: T, updated_at: `2026-10-${day}T09:00:00.${String(n % 1000).padStart(3, '0')}Z`,
        version: 1, seq: base + n + 1, hidden_from_search: 0 as const, created_by: null,
      });
    }
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('cases').values(rows).execute();
      await trx.insertInto('change_log').values(rows.map((r) => ({ seq: r.seq, entity: 'case', entity_id: r.id, op: 'upsert', case_id: r.id, at: T }))).execute();
      // The list's audience rows, by the production function every write calls.
      await refreshCaseAudience(trx, rows.map((r) => r.id));
    });
  }
  await db.updateTable('change_seq').set({ seq: base + total }).where('id', '=', 1).execute();
  return { userId: users[0]!, visible, total };
}
