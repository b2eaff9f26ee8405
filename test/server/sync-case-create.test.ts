import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushResponse } from '../../domain/http/sync-schemas.ts';
import { newId } from '../../domain/ids.ts';
import { buildAgency, buildTeam, buildUser } from '../support/factories.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

describe.each(testDialects())('case.create pushed on %s', (dialect) => {
  let server: TestServer;
  let token = '';
  let police = '';
  let policeTeam = '';
  let councilTeam = '';
  let pcId = '';

  beforeAll(async () => {
    server = await startTestServer(dialect);
    police = await buildAgency(server.db, { kind: 'police', name: 'Police' });
    const council = await buildAgency(server.db, { name: 'Council' });
    policeTeam = await buildTeam(server.db, police, 'PPU');
    councilTeam = await buildTeam(server.db, council, 'Housing');
    const pc = await buildUser(server.db, { agencyId: police, teamIds: [policeTeam] });
    pcId = pc.id;
    const res = await server.app.inject({ method: 'POST', url: '/auth/login', payload: { username: pc.username, password: pc.password } });
    token = res.json<{ accessToken: string }>().accessToken;
  });
  afterAll(() => server.stop());

  async function push(body: object) {
    const res = await server.app.inject({ method: 'POST', url: '/sync/push', headers: { authorization: `Bearer ${token}` }, payload: body });
    return { status: res.statusCode, body: res.json<PushResponse>() };
  }
  const rows = (id: string) => server.db.selectFrom('cases').selectAll().where('id', '=', id).execute();
  const count = async (table: 'audit_events' | 'change_log', column: 'entity_id', id: string) =>
    (await server.db.selectFrom(table).select(column).where(column, '=', id).execute()).length;
  const create = (mutationId: number, caseId: string, extra: object = {}) => ({
    mutationId, name: 'case.create',
    args: { caseId, caseType: 'domestic_abuse_marac', title: 'Opened offline', reviewDate: '2026-09-01', ownerTeamId: policeTeam, sharingLevel: 'owner_team', ...extra },
  });

  it('creates the case with the client id, a server reference, an audit row and a change-log row', async () => {
    const caseId = newId();
    const res = await push({ clientId: 'client-create-1', mutations: [create(1, caseId)] });
    expect(res.body).toEqual({ results: [{ mutationId: 1, status: 'applied' }], lastMutationId: 1 });
    const [row] = await rows(caseId);
    expect(row).toMatchObject({
      title: 'Opened offline', case_type: 'domestic_abuse_marac', review_date: '2026-09-01', owner_agency_id: police, owner_team_id: policeTeam,
      owner_user_id: pcId, sharing_level: 'owner_team', status: 'open', risk_level: 'medium', version: 1,
    });
    expect(row!.reference).toMatch(/^[A-Z0-9]+-\d{4}-\d{5}$/);
    expect(await count('audit_events', 'entity_id', caseId)).toBe(1);
    expect(await count('change_log', 'entity_id', caseId)).toBe(1);
  });

  it('does not create a twin when the same mutation is replayed, nor when the same id comes under a new mutation id', async () => {
    const caseId = newId();
    const first = await push({ clientId: 'client-create-2', mutations: [create(1, caseId)] });
    const replay = await push({ clientId: 'client-create-2', mutations: [create(1, caseId)] });
    expect(first.body.results).toEqual([{ mutationId: 1, status: 'applied' }]);
    expect(replay.body.results).toEqual([{ mutationId: 1, status: 'applied' }]);
    const twin = await push({ clientId: 'client-create-2', mutations: [create(2, caseId, { title: 'Twin' })] });
    expect(twin.body.results[0]).toMatchObject({ mutationId: 2, status: 'rejected', error: { code: 'conflict' } });
    const all = await rows(caseId);
    expect(all.map((r) => r.title)).toEqual(['Opened offline']);
    expect(await count('audit_events', 'entity_id', caseId)).toBe(1);
    expect(await count('change_log', 'entity_id', caseId)).toBe(1);
  });

  it('refuses an owner team of another agency, an unknown case type and a shared level, writing nothing', async () => {
    const ids = [newId(), newId(), newId()];
    const res = await push({ clientId: 'client-create-3', mutations: [
      create(1, ids[0]!, { ownerTeamId: councilTeam }),
      create(2, ids[1]!, { caseType: 'no_such_type' }),
      create(3, ids[2]!, { sharingLevel: 'shared' }),
    ] });
    expect(res.body.results.map((r) => [r.mutationId, r.status, r.error?.code])).toEqual([
      [1, 'rejected', 'validation_error'], [2, 'rejected', 'validation_error'], [3, 'rejected', 'validation_error'],
    ]);
    expect(res.body.results[0]!.error?.message).toMatch(/ownerTeamId/);
    for (const id of ids) {
      expect(await rows(id)).toHaveLength(0);
      expect(await count('audit_events', 'entity_id', id)).toBe(0);
      expect(await count('change_log', 'entity_id', id)).toBe(0);
    }
  });
});
