/**
 * The audit search walks one index range per page however large the trail is (docs/audit.md): on
 * SQLite and on PostgreSQL the query plans name the index serving each filter (no sort step), and
 * pages from the newest end, deep in the trail, by case and by action hold exactly what they should.
 * Speed itself is a benchmark's business, never a timed test's.
 */
import { CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditSearchQuerySchema } from '../../domain/audit/audit-search.ts';
import { newId } from '../../domain/ids.ts';
import { openServerDb, type ServerDb } from '../../server/db/connect.ts';
import { migrateServerDb } from '../../server/db/migrate.ts';
import { auditSearchQuery, searchAudit } from '../../server/audit/search-audit.ts';
import { createTestDatabase, testDialects, type TestDatabase } from '../support/test-databases.ts';

const EVENTS = 20_000;
const AGENCIES = Array.from({ length: 20 }, () => newId());
const CASES = Array.from({ length: 2_000 }, () => newId());

/** Each dialect's plan for the filter, and the names its plan gives the indexes. */
const PLANS = {
  sqlite: {
    explain: 'explain query plan ', detail: (r: Record<string, unknown>) => String(r.detail),
    scope: /SEARCH s USING (PRIMARY KEY|INDEX sqlite_autoindex_audit_event_scopes_1)/, sort: /TEMP B-TREE/,
  },
  postgres: {
    explain: 'explain (costs off) ', detail: (r: Record<string, unknown>) => String(r['QUERY PLAN']),
    scope: /Index (Only )?Scan Backward using audit_event_scopes_pk on audit_event_scopes s/, sort: /(^|\| )\s*(->\s*)?(Incremental )?Sort\b/,
  },
} as const;

describe.each(testDialects())('the audit search over a large trail (%s)', (dialect) => {
  let database: TestDatabase;
  let opened: ServerDb;
  const dialectPlan = PLANS[dialect];

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    opened = openServerDb(database.config);
    await migrateServerDb(opened.db);
    // Rows written straight in, in batches: the chain's hashes are not what is measured here.
    for (let start = 1; start <= EVENTS; start += 1_000) {
      await opened.db.transaction().execute(async (trx) => {
        const events = [];
        const scopes = [];
        for (let seq = start; seq < start + 1_000; seq += 1) {
          const agency = AGENCIES[seq % AGENCIES.length]!;
          const caseId = CASES[seq % CASES.length]!;
          events.push({
            seq, id: newId(), at: new Date(Date.UTC(2026, 0, 1) + seq * 1000).toISOString(), user_id: `user-${seq % 500}`, agency_id: agency,
            team_id: null, device_id: null, ip: '10.0.0.1', action: seq % 10 === 0 ? 'record.update' : 'record.view',
            category: seq % 10 === 0 ? 'alteration' : 'consultation', entity_type: 'case', entity_id: caseId, outcome: 'success',
            justification: null, details: '{}', prev_hash: '0', hash: '0',
          });
          scopes.push({ agency_id: agency, seq, case_id: caseId, person_id: null });
        }
        await trx.insertInto('audit_events').values(events).execute();
        await trx.insertInto('audit_event_scopes').values(scopes).execute();
      });
    }
    if (dialect === 'postgres') {
      // The planner's statistics, as autovacuum would gather them on a live trail.
      await opened.db.executeQuery(CompiledQuery.raw('analyze audit_events, audit_event_scopes'));
    }
  }, 240_000);
  afterAll(async () => {
    await opened.close();
    await database.drop();
  });

  const plan = async (query: Record<string, unknown>) => {
    const compiled = auditSearchQuery(opened.db, { kind: 'agency', agencyId: AGENCIES[0]! }, AuditSearchQuerySchema.parse(query)).compile();
    const rows = await opened.db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(`${dialectPlan.explain}${compiled.sql}`, [...compiled.parameters]));
    return rows.rows.map(dialectPlan.detail).join(' | ');
  };

  it('names the index serving each filter in the query plan, with no sort step', async () => {
    for (const query of [{}, { caseId: CASES[0] }, { personId: CASES[0] }]) {
      expect(await plan(query)).not.toMatch(dialectPlan.sort);
    }
    expect(await plan({})).toMatch(dialectPlan.scope);
    expect(await plan({ caseId: CASES[0] })).toContain('audit_event_scopes_case_idx');
    expect(await plan({ personId: CASES[0] })).toContain('audit_event_scopes_person_idx');
    // A filter on the event row (action here) is checked on the agency's own scope range: SQLite walks
    // it newest first; PostgreSQL, at this size, joins the agency's range by hash and sorts the matches.
    const byAction = await plan({ action: 'record.update' });
    if (dialect === 'sqlite') {
      expect(byAction).toMatch(dialectPlan.scope);
      expect(byAction).not.toMatch(dialectPlan.sort);
    } else {
      expect(byAction).toContain('audit_event_scopes_pk');
      expect(byAction).not.toMatch(/Seq Scan on audit_event_scopes/);
      // A rare action walks its own index (migration 0028), never every agency's events.
      const rare = await plan({ action: 'record.break_glass_view' });
      expect(rare).toContain('audit_events_action_seq_idx');
      expect(rare).not.toMatch(/Seq Scan on audit_events/);
      // A deep page bounds the events' side of the join by the cursor too, not only the scope range.
      expect(await plan({ cursor: 1_000 })).toMatch(/using audit_events_pkey on audit_events e \| +Index Cond: \(seq < /);
    }
  });

  it('answers pages from the newest end, deep in the trail, by case and by action', async () => {
    const scope = { kind: 'agency', agencyId: AGENCIES[0]! } as const;
    const page = (query: Record<string, unknown>) => searchAudit(opened.db, scope, AuditSearchQuerySchema.parse(query));
    const newest = await page({ limit: 100 });
    expect(newest.events).toHaveLength(100);
    expect(newest.events[0]!.seq).toBe(EVENTS - (EVENTS % AGENCIES.length));
    const deep = await page({ limit: 100, cursor: 1_000 });
    expect(deep.events.every((e) => e.seq < 1_000 && e.agencyId === AGENCIES[0])).toBe(true);
    expect(deep.events).toHaveLength(1_000 / AGENCIES.length - 1);
    const byCase = await page({ limit: 100, caseId: CASES[0] });
    const byAction = await page({ limit: 100, action: 'record.update' });
    expect(byCase.events.length).toBeGreaterThan(0);
    expect(byCase.events.every((e) => e.caseId === CASES[0])).toBe(true);
    expect(byAction.events).toHaveLength(100);
    expect(byAction.events.every((e) => e.action === 'record.update' && e.agencyId === AGENCIES[0])).toBe(true);
  });
});
