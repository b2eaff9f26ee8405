/**
 * The case list's summaries are built with types, not parsed row by row (server/cases/case-summary.ts):
 * the route's one response parse is what keeps undeclared fields off the wire. This proves it on the
 * list's own schema with a real Fastify: a field outside the schema, on the page or on a case, never
 * leaves the server, and a value outside the schema is refused rather than sent.
 */
import Fastify from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { caseRoutes } from '../../domain/http/case-routes.ts';
import { registerRoute } from '../../server/http/register-route.ts';
import type { ServerContext } from '../../server/context/server-context.ts';

const summary = {
  id: '0190a8f2-1111-7000-8000-000000000001', reference: 'CB-1', title: 'A case', caseType: 'asb', status: 'open',
  closureReason: null, riskLevel: 'medium', reviewDate: null, ownerAgencyId: '0190a8f2-1111-7000-8000-000000000002',
  ownerTeamId: null, ownerUserId: null, sharingLevel: 'owner_agency', sharedAgencyIds: [], sharedTeamIds: [], sharedUserIds: [],
  hiddenFromSearch: false, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', version: 1,
  abilities: { read: true, update: true, share: true, close: true, transfer: true, add_report: true, add_task: true, add_document: true, link: true },
};

describe('the case list response contract', () => {
  const app = Fastify();
  let answer: unknown;
  // The list route's own schemas; no bearer token so no context is consulted.
  registerRoute(app, {} as ServerContext, { ...caseRoutes.listCases, auth: false }, () => Promise.resolve(answer as never));
  afterAll(() => app.close());

  it('drops a field outside the schema, on the page and on each case', async () => {
    answer = { cases: [{ ...summary, victimAddress: '1 Hidden Lane' }], nextCursor: null, debug: 'secret' };
    const res = await app.inject({ method: 'GET', url: '/cases' });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('Hidden Lane');
    expect(res.body).not.toContain('secret');
    expect(Object.keys(res.json<{ cases: object[] }>().cases[0]!).sort()).toEqual(Object.keys(summary).sort());
  });

  it('refuses to send a value outside the schema', async () => {
    answer = { cases: [{ ...summary, status: 'leaked' }], nextCursor: null };
    const res = await app.inject({ method: 'GET', url: '/cases' });
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('leaked');
  });
});
