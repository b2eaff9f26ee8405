/** Sync records carry the puller's abilities: exactly what the pure policy computes for them. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullResponse } from '../../domain/http/sync-schemas.ts';
import { newId } from '../../domain/ids.ts';
import { caseAbilities, type PolicyCase } from '../../domain/policy/case-policy.ts';
import type { PolicyUser } from '../../domain/policy/policy-user.ts';
import type { Role } from '../../domain/vocabulary.ts';
import { buildAgency, buildCase, buildTeam, buildUser } from '../support/factories.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

/** The abilities a pulled record carries, or undefined when the record is not in the page. */
function abilitiesOf(page: PullResponse, entity: PullResponse['changes'][number]['entity'], id: string): unknown {
  const hit = page.changes.find((c) => c.entity === entity && c.data.id === id);
  return hit && 'abilities' in hit.data ? hit.data.abilities : undefined;
}

describe.each(testDialects())('sync abilities on %s', (dialect) => {
  let server: TestServer;
  const tokens: Record<string, string> = {};
  const users: Record<string, PolicyUser> = {};
  let policy: PolicyCase;
  let caseId = '';
  const reportId = newId();
  const taskId = newId();

  beforeAll(async () => {
    server = await startTestServer(dialect);
    const db = server.db;
    const police = await buildAgency(db, { kind: 'police', name: 'Police' });
    const council = await buildAgency(db, { name: 'Council' });
    const ppu = await buildTeam(db, police, 'PPU');
    const specs: Record<string, { agencyId: string; role: Role; teamIds: string[] }> = {
      owner: { agencyId: police, role: 'practitioner', teamIds: [ppu] },
      manager: { agencyId: police, role: 'team_manager', teamIds: [ppu] },
      colleague: { agencyId: police, role: 'practitioner', teamIds: [] },
      officer: { agencyId: council, role: 'practitioner', teamIds: [] },
      councilAdmin: { agencyId: council, role: 'agency_admin', teamIds: [] },
    };
    for (const [name, spec] of Object.entries(specs)) {
      const u = await buildUser(db, spec);
      users[name] = { id: u.id, ...spec };
      const res = await server.app.inject({ method: 'POST', url: '/auth/login', payload: { username: u.username, password: u.password } });
      tokens[name] = res.json<{ accessToken: string }>().accessToken;
    }
    caseId = (await buildCase(db, { ownerAgencyId: police, ownerTeamId: ppu, ownerUserId: users.owner!.id, sharingLevel: 'shared', sharedAgencyIds: [council] })).id;
    policy = {
      ownerAgencyId: police, ownerTeamId: ppu, ownerUserId: users.owner!.id, sharingLevel: 'shared',
      sharedAgencyIds: [council], sharedTeamIds: [], sharedUserIds: [], grants: [],
    };
    const pushed = await server.app.inject({
      method: 'POST', url: '/sync/push', headers: { authorization: `Bearer ${tokens.officer}` },
      payload: { clientId: 'client-abilities', mutations: [
        { mutationId: 1, name: 'report.create', args: { reportId, caseId, kind: 'contact', title: 'Visit', body: 'Seen.' } },
        { mutationId: 2, name: 'task.create', args: { taskId, caseId, title: 'Call back', assigneeAgencyId: police, assigneeTeamId: ppu } },
      ] },
    });
    expect(pushed.json<{ results: { status: string }[] }>().results.map((r) => r.status)).toEqual(['applied', 'applied']);
  });
  afterAll(() => server.stop());

  async function pull(name: string): Promise<PullResponse> {
    const res = await server.app.inject({ method: 'GET', url: '/sync/pull', headers: { authorization: `Bearer ${tokens[name]}` } });
    expect(res.statusCode).toBe(200);
    return res.json<PullResponse>();
  }
  it.each(['owner', 'manager', 'colleague', 'officer', 'councilAdmin'])('gives %s exactly caseAbilities(user, case)', async (name) => {
    expect(abilitiesOf(await pull(name), 'case', caseId)).toEqual(caseAbilities(users[name]!, policy, new Date().toISOString()));
  });

  it('differs between the owner and a partner agency, so the desktop can tell them apart offline', async () => {
    expect(abilitiesOf(await pull('owner'), 'case', caseId)).toMatchObject({ update: true, share: true });
    expect(abilitiesOf(await pull('officer'), 'case', caseId)).toMatchObject({ update: false, share: false, add_report: true });
  });

  it('lets only the author update a report and the assignee or owner agency update a task', async () => {
    const officer = await pull('officer');
    const owner = await pull('owner');
    expect(abilitiesOf(officer, 'report', reportId)).toEqual({ read: true, update: true });
    expect(abilitiesOf(owner, 'report', reportId)).toEqual({ read: true, update: false });
    expect(abilitiesOf(owner, 'task', taskId)).toEqual({ update: true });
    expect(abilitiesOf(officer, 'task', taskId)).toEqual({ update: false });
  });
});
