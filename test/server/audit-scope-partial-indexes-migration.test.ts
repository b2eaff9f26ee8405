/**
 * Migration 0030: the audit scope's case and person indexes hold only rows naming a case (or a
 * person), and a search by case or person still reads them on both dialects; down restores the
 * indexes over every row (docs/audit.md, "The scope index").
 */
import { CompiledQuery, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { AuditSearchQuerySchema } from '../../domain/audit/audit-search.ts';
import { newId } from '../../domain/ids.ts';
import { auditSearchQuery } from '../../server/audit/search-audit.ts';
import { useServerMigration } from '../support/server-migration.ts';
import { testDialects } from '../support/test-databases.ts';

const INDEXES = ['audit_event_scopes_case_idx', 'audit_event_scopes_person_idx'];

describe.each(testDialects())('migration 0030_audit_scope_partial_indexes on %s', (dialect) => {
  const m = useServerMigration(dialect, '0029_case_audience_grants');

  /** Each index's definition, lower-cased with quotes and brackets dropped, so both dialects read alike. */
  const definitions = async () => {
    const rows = dialect === 'sqlite'
      ? (await sql<{ name: string; def: string }>`select name, sql as def from sqlite_master where type = 'index' and name in (${sql.join(INDEXES)}) order by name`.execute(m.db)).rows
      : (await sql<{ name: string; def: string }>`select indexname as name, indexdef as def from pg_indexes where indexname in (${sql.join(INDEXES)}) order by indexname`.execute(m.db)).rows;
    return rows.map((r) => `${r.name}: ${r.def.toLowerCase().replace(/["()]/g, '')}`);
  };
  const plan = async (query: Record<string, unknown>) => {
    const compiled = auditSearchQuery(m.db, { kind: 'agency', agencyId: newId() }, AuditSearchQuerySchema.parse(query)).compile();
    const explain = dialect === 'sqlite' ? 'explain query plan ' : 'explain (costs off) ';
    // One connection: on PostgreSQL an empty table plans a sequential scan whatever the indexes, so the
    // plan a large trail gets is asked for with sequential scans off, on the connection that explains.
    const rows = await m.db.connection().execute(async (c) => {
      if (dialect === 'postgres') {
        await sql`set enable_seqscan = off`.execute(c);
      }
      return c.executeQuery<Record<string, unknown>>(CompiledQuery.raw(`${explain}${compiled.sql}`, [...compiled.parameters]));
    });
    return rows.rows.map((r) => String(r.detail ?? r['QUERY PLAN'])).join(' | ');
  };

  it('keeps only rows naming a case or a person in those indexes, still serves searches by them, and down restores them', async () => {
    expect((await definitions()).every((d) => !d.includes('where'))).toBe(true);
    await m.migrateTo('0030_audit_scope_partial_indexes');
    const partial = await definitions();
    expect(partial).toHaveLength(2);
    expect(partial[0]).toMatch(/^audit_event_scopes_case_idx: .*agency_id, case_id, seq.* where case_id is not null$/);
    expect(partial[1]).toMatch(/^audit_event_scopes_person_idx: .*agency_id, person_id, seq.* where person_id is not null$/);
    expect(await plan({ caseId: newId() })).toContain('audit_event_scopes_case_idx');
    expect(await plan({ personId: newId() })).toContain('audit_event_scopes_person_idx');

    await m.migrateTo('0029_case_audience_grants');
    expect((await definitions()).every((d) => !d.includes('where'))).toBe(true);
  });
});
