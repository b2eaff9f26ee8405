/**
 * GET /case-signposts: a case found by its exact reference is `visible` to whoever may open it, a
 * signpost naming only its reference and owner agency to anyone else who reads cases, and nothing
 * when it is hidden from search, unknown, or asked by a role that does not read cases. Each look-up
 * is audited as a search with its terms and what it returned.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgency, buildCase, buildUser } from '../support/factories.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { auditDetails } from '../support/audit-details.ts';

describe.each(testDialects())('case signposts on %s', (dialect) => {
  let server: TestServer;
  const tokens: Record<string, string> = {};
  let police = '';
  let open = { id: '', reference: '', title: '' };
  let hidden = { id: '', reference: '', title: '' };

  beforeAll(async () => {
    server = await startTestServer(dialect);
    police = await buildAgency(server.db, { name: 'Police', kind: 'police', code: 'PSG' });
    const council = await buildAgency(server.db, { name: 'Council', code: 'CSG' });
    const users = {
      pc: await buildUser(server.db, { agencyId: police }),
      officer: await buildUser(server.db, { agencyId: council }),
      auditor: await buildUser(server.db, { agencyId: council, role: 'data_officer' }),
    };
    for (const [name, u] of Object.entries(users)) {
      const res = await server.app.inject({ method: 'POST', url: '/auth/login', payload: { username: u.username, password: u.password } });
      tokens[name] = res.json<{ accessToken: string }>().accessToken;
    }
    open = await buildCase(server.db, { ownerAgencyId: police, title: 'Secret signpost title' });
    hidden = await buildCase(server.db, { ownerAgencyId: police, title: 'Hidden case' });
    await server.db.updateTable('cases').set({ hidden_from_search: 1 }).where('id', '=', hidden.id).execute();
  });
  afterAll(() => server.stop());

  const find = async (who: string, reference: string) => {
    const res = await server.app.inject({ method: 'GET', url: `/case-signposts?reference=${encodeURIComponent(reference)}`, headers: { authorization: `Bearer ${tokens[who]!}` } });
    return { status: res.statusCode, body: res.json<{ result: unknown }>() };
  };

  it('answers visible to the owner agency, and a signpost naming only the reference and owner agency to another agency', async () => {
    expect(await find('pc', open.reference)).toEqual({ status: 200, body: { result: { view: 'visible', id: open.id, reference: open.reference } } });
    const signpost = await find('officer', open.reference);
    expect(signpost).toEqual({
      status: 200, body: { result: { view: 'signpost', id: open.id, reference: open.reference, ownerAgency: { id: police, name: 'Police' }, requestAccess: true } },
    });
    expect(JSON.stringify(signpost.body)).not.toContain('Secret signpost title');
  });

  it('tells of no case when it is hidden from search, unknown, or asked by a role that does not read cases', async () => {
    expect(await find('officer', hidden.reference)).toEqual({ status: 200, body: { result: null } });
    expect(await find('officer', 'TST-NONE-0002')).toEqual({ status: 200, body: { result: null } });
    expect(await find('auditor', open.reference)).toEqual({ status: 200, body: { result: null } });
    expect((await find('officer', 'ab')).status).toBe(400);
  });

  it('audits each look-up as a search with its terms and what it returned', async () => {
    await find('officer', open.reference);
    const events = await server.db.selectFrom('audit_events').select(['seq', 'action', 'entity_type', 'details']).where('action', '=', 'record.search').where('entity_type', '=', 'case').execute();
    const details = await Promise.all(events.map(async (e) => await auditDetails(server.db, e) as { kind?: string; terms: { reference: string }; returned: unknown[] }));
    expect(details.filter((d) => d.kind === 'signpost' && d.terms.reference === open.reference).at(-1)).toEqual({
      kind: 'signpost', terms: { reference: open.reference }, returned: [{ id: open.id, view: 'signpost' }],
    });
  });
});
