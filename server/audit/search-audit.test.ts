import { DummyDriver, Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { ServerDatabase } from '../../db/server/schema.ts';
import { AuditSearchQuerySchema } from '../../domain/audit/audit-search.ts';
import { auditSearchQuery } from './search-audit.ts';

const db = new Kysely<ServerDatabase>({
  dialect: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new SqliteIntrospector(k),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  },
});

describe('the audit search query builder', () => {
  it('always scopes to the agency, even with no filters', () => {
    const compiled = auditSearchQuery(db, 'agency-a', AuditSearchQuerySchema.parse({})).compile();
    expect(compiled.sql).toMatch(/where "agency_id" = \? order by "seq" desc limit \?$/);
    expect(compiled.parameters).toEqual(['agency-a', 101]);
  });

  it('adds each filter as a parameter and pages below the cursor', () => {
    const q = AuditSearchQuerySchema.parse({ action: 'record.view', from: '2026-11-01T00:00:00Z', cursor: '9', limit: '5' });
    const compiled = auditSearchQuery(db, 'agency-a', q).compile();
    expect(compiled.sql).toContain('"action" = ?');
    expect(compiled.sql).toContain('"at" >= ?');
    expect(compiled.sql).toContain('"seq" < ?');
    expect(compiled.parameters).toEqual(['agency-a', 'record.view', '2026-11-01T00:00:00.000Z', 9, 6]);
  });
});
