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
  const agency = { kind: 'agency', agencyId: 'agency-a' } as const;

  it('always scopes to the agency through the scope index, even with no filters', () => {
    const compiled = auditSearchQuery(db, agency, AuditSearchQuerySchema.parse({})).compile();
    expect(compiled.sql).toMatch(/where "s"."agency_id" = \? order by "s"."seq" desc limit \?$/);
    expect(compiled.parameters).toEqual(['agency-a', 101]);
  });

  it("narrows a team manager's scope to the members of their teams", () => {
    const compiled = auditSearchQuery(db, { kind: 'staff', agencyId: 'agency-a', teamIds: ['t1', 't2'] }, AuditSearchQuerySchema.parse({})).compile();
    expect(compiled.sql).toContain('"e"."user_id" in (select "user_id" from "user_teams" where "team_id" in (?, ?))');
    expect(compiled.parameters).toEqual(['agency-a', 't1', 't2', 101]);
  });

  it('adds each filter as a parameter and pages below the cursor', () => {
    const q = AuditSearchQuerySchema.parse({ action: 'record.view', from: '2026-11-01T00:00:00Z', cursor: '9', limit: '5' });
    const compiled = auditSearchQuery(db, agency, q).compile();
    expect(compiled.sql).toContain('"e"."action" = ?');
    expect(compiled.sql).toContain('"e"."at" >= ?');
    // The cursor bounds both sides of the join (PostgreSQL does not carry it across e.seq = s.seq).
    expect(compiled.sql).toContain('"s"."seq" < ? and "e"."seq" < ?');
    expect(compiled.parameters).toEqual(['agency-a', 'record.view', '2026-11-01T00:00:00.000Z', 9, 9, 6]);
  });
});
