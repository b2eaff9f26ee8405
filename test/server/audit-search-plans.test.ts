/**
 * The audit search walks one index range per page however large the trail is (docs/audit.md):
 * SQLite's query plans name the index serving each filter (no sort step), and pages from the newest
 * end, deep in the trail, by case and by action hold exactly what they should. Speed itself is a
 * benchmark's business, never a timed test's.
 */
import { CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditSearchQuerySchema } from '../../domain/audit/audit-search.ts';
import { newId } from '../../domain/ids.ts';
import { openServerDb, type ServerDb } from '../../server/db/connect.ts';
import { migrateServerDb } from '../../server/db/migrate.ts';
import { auditSearchQuery, searchAudit } from '../../server/audit/search-audit.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-databases.ts';

const EVENTS = 20_000;
const AGENCIES = Array.from({ length: 20 }, () => newId());
const CASES = Array.from({ length: 2_000 }, () => newId());

describe('the audit search over a large trail (SQLite)', () => {
  let database: TestDatabase;
  let opened: ServerDb;

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
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
  }, 240_000);
  afterAll(async () => {
    await opened.close();
    await database.drop();
  });

  const plan = async (query: Record<string, unknown>) => {
    const compiled = auditSearchQuery(opened.db, { kind: 'agency', agencyId: AGENCIES[0]! }, AuditSearchQuerySchema.parse(query)).compile();
    const rows = await opened.db.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${compiled.sql}`, [...compiled.parameters]));
    return rows.rows.map((r) => r.detail).join(' | ');
  };

  it('names the index serving each filter in the query plan', async () => {
    expect(await plan({})).toMatch(/SEARCH s USING (PRIMARY KEY|INDEX sqlite_autoindex_audit_event_scopes_1)/);
    expect(await plan({ caseId: CASES[0] })).toContain('audit_event_scopes_case_idx');
    expect(await plan({ personId: CASES[0] })).toContain('audit_event_scopes_person_idx');
    expect(await plan({})).not.toContain('TEMP B-TREE');
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
