import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENCY_KINDS, ROLES } from '../../domain/vocabulary.ts';
import { DEMO_AGENCIES, DEMO_USERS } from '../../server/seed/demo-directory.ts';
import { isDatabaseEmpty, seedDemoData } from '../../server/seed/seed-demo-data.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

describe('demo directory', () => {
  it('covers every role, the five required agency kinds and 12 distinct users', () => {
    expect(new Set(DEMO_USERS.map((u) => u.username)).size).toBe(12);
    expect(new Set(DEMO_USERS.map((u) => u.role))).toEqual(new Set(ROLES));
    const kinds = new Set(DEMO_AGENCIES.map((a) => a.kind));
    for (const kind of ['police', 'council', 'housing', 'fire', 'charity'] as const) {
      expect(kinds.has(kind)).toBe(true);
    }
    expect(DEMO_AGENCIES.every((a) => AGENCY_KINDS.includes(a.kind))).toBe(true);
  });
});

describe.each(testDialects())('demo seed on %s', (dialect) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(dialect);
  });
  afterAll(() => server.stop());

  it('loads an empty database with 300 cases, some shared, each with its own change position', async () => {
    expect(await isDatabaseEmpty(server.db)).toBe(true);
    const summary = await seedDemoData(server.ctx, { cases: 300, now: new Date('2026-11-01T09:00:00Z') });
    expect(await isDatabaseEmpty(server.db)).toBe(false);
    expect(summary).toMatchObject({ agencies: 6, users: 12, cases: 300 });
    const cases = await server.db.selectFrom('cases').select(['id', 'reference', 'seq', 'owner_agency_id', 'title']).execute();
    expect(cases).toHaveLength(300);
    expect(new Set(cases.map((c) => c.reference)).size).toBe(300);
    expect(new Set(cases.map((c) => c.seq)).size).toBe(300);
    expect(new Set(cases.map((c) => c.owner_agency_id)).size).toBe(6);
    const shares = await server.db.selectFrom('case_shared_agencies').selectAll().execute();
    expect(shares.length).toBeGreaterThan(30);
    const ownerOf = new Map(cases.map((c) => [c.id, c.owner_agency_id]));
    expect(shares.filter((s) => ownerOf.get(s.case_id) === s.agency_id)).toEqual([]);
  });

  it('lets every demo user sign in with the printed password', async () => {
    for (const user of DEMO_USERS) {
      const res = await server.app.inject({ method: 'POST', url: '/auth/login', payload: { username: user.username, password: user.password } });
      expect(res.statusCode, user.username).toBe(200);
    }
  });
});
