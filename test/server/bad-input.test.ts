/** Junk sent to every route gets a typed 4xx and changes nothing; hostile strings never reach SQL as code. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isErrorCode } from '../../domain/errors.ts';
import type { RouteDef } from '../../domain/http/route.ts';
import { HOSTILE_STRINGS, malformedBodies, malformedQueries, withEachStringReplaced } from '../support/bad-inputs.ts';
import { buildAgency, buildCase, buildTeam, buildUser } from '../support/factories.ts';
import { allRoutes, asQueryStrings, callRoute, fillPath, pathParams, validParams, validSample } from '../support/route-walker.ts';
import { lostRows, snapshotTables } from '../support/table-snapshot.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const PER_ROUTE = 20;
const takesBody = (def: RouteDef): boolean => def.body.def.type !== 'undefined';
const sendsBody = (def: RouteDef): boolean => def.method !== 'GET';

describe.each(testDialects())('bad input on %s', (dialect) => {
  let server: TestServer;
  let token: string;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    const agency = await buildAgency(server.db);
    const team = await buildTeam(server.db, agency);
    await buildUser(server.db, { agencyId: agency, username: 'junk.sender', password: 'junk-pass-1', role: 'agency_admin', teamIds: [team] });
    await buildCase(server.db, { ownerAgencyId: agency, ownerTeamId: team });
    const login = await server.app.inject({ method: 'POST', url: '/auth/login', payload: { username: 'junk.sender', password: 'junk-pass-1' } });
    token = login.json<{ accessToken: string }>().accessToken;
  });
  afterAll(() => server.stop());

  /** Null when the answer is a typed 4xx, else a line naming the route, the input and the answer. */
  const verdict = (name: string, input: unknown, res: { statusCode: number; body: string }, allowOk = false): string | null => {
    let code: unknown;
    try { code = (JSON.parse(res.body) as { error?: { code?: unknown } }).error?.code; } catch { code = undefined; }
    if (allowOk && res.statusCode < 300) { return null; }
    if (res.statusCode >= 400 && res.statusCode < 500 && isErrorCode(code)) { return null; }
    return `${name} ← ${JSON.stringify(input)?.slice(0, 160)} → ${res.statusCode} ${res.body.slice(0, 160)}`;
  };

  it('answers malformed bodies and queries on every route with a typed 4xx and changes no row', async () => {
    const before = await snapshotTables(server.db);
    const failures: string[] = [];
    let sent = 0;
    await Promise.all(allRoutes().map(async ({ name, def }, index) => {
      const params = validParams(def);
      const body = takesBody(def) ? validSample(def.body, true)?.value : undefined;
      const query = asQueryStrings(validSample(def.query)?.value);
      for (const junkQuery of malformedQueries(def.query, PER_ROUTE, index + 1)) {
        sent += 1;
        failures.push(verdict(name, { query: junkQuery }, await callRoute(server.app, def, { token, params, query: junkQuery, body })) ?? '');
      }
      if (sendsBody(def)) {
        for (const junkBody of malformedBodies(def.body, PER_ROUTE, index + 101)) {
          sent += 1;
          failures.push(verdict(name, { body: junkBody }, await callRoute(server.app, def, { token, params, query, body: junkBody })) ?? '');
        }
      }
    }));
    expect(sent).toBeGreaterThan(allRoutes().length * 10);
    expect(failures.filter(Boolean)).toEqual([]);
    expect(await snapshotTables(server.db)).toEqual(before);
  });

  it('never runs SQL, script or path payloads in any string field or path segment, and never drops or changes a row', async () => {
    const before = await snapshotTables(server.db);
    const failures: string[] = [];
    await Promise.all(allRoutes().map(async ({ name, def }) => {
      const params = validParams(def);
      const body = takesBody(def) ? validSample(def.body, true)?.value : undefined;
      const query = asQueryStrings(validSample(def.query, true)?.value);
      for (const payload of HOSTILE_STRINGS) {
        const attempts = [
          ...withEachStringReplaced(body, payload).map((b) => ({ params, query, body: b })),
          ...withEachStringReplaced(query, payload).map((q) => ({ params, query: q as Record<string, string>, body })),
          ...pathParams(def.path).map((p) => ({ params: { ...params, [p]: payload }, query, body })),
        ];
        for (const input of attempts) {
          // A payload the schema accepts is ordinary text (a case titled "1 OR 1=1" is fine): it may succeed.
          const accepted = def.body.safeParse(input.body).success && def.query.safeParse(input.query).success
            && (!def.params || def.params.safeParse(input.params).success);
          failures.push(verdict(name, input, await callRoute(server.app, def, { token, ...input }), accepted) ?? '');
        }
      }
    }));
    expect(failures.filter(Boolean)).toEqual([]);
    // Accepted payloads may add rows (a new device, a case) and so move the change counter forward;
    // none may remove or alter an existing row.
    const after = await snapshotTables(server.db);
    expect(Number(after.change_seq?.[0]?.match(/"seq":"?(\d+)/)?.[1])).toBeGreaterThanOrEqual(Number(before.change_seq?.[0]?.match(/"seq":"?(\d+)/)?.[1]));
    const { change_seq: _seqBefore, ...stableBefore } = before;
    expect(lostRows(stableBefore, after)).toEqual({});
  });

  it('answers 413 payload_too_large for a body over 1 MiB on every route that reads a body', async () => {
    const before = await snapshotTables(server.db);
    const huge = JSON.stringify({ text: 'A'.repeat(1_100_000) });
    const failures: string[] = [];
    for (const { name, def } of allRoutes().filter((r) => sendsBody(r.def))) {
      const res = await server.app.inject({
        method: def.method, url: fillPath(def.path), payload: huge,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      });
      if (res.statusCode !== 413 || res.json<{ error?: { code?: string } }>().error?.code !== 'payload_too_large') {
        failures.push(`${name} → ${res.statusCode} ${res.body.slice(0, 160)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await snapshotTables(server.db)).toEqual(before);
  });

  it('answers invalid JSON and a wrong content type with a typed 4xx on every route that reads a body', async () => {
    const before = await snapshotTables(server.db);
    const failures: string[] = [];
    const bad = [
      { 'content-type': 'application/json', payload: '{"title": "unterminated' },
      { 'content-type': 'application/json', payload: '{"a":1}{"b":2}' },
      { 'content-type': 'text/plain', payload: 'just text' },
      { 'content-type': 'application/x-www-form-urlencoded', payload: 'username=a&password=b' },
      { 'content-type': 'application/xml', payload: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>' },
    ];
    for (const { name, def } of allRoutes().filter((r) => sendsBody(r.def))) {
      for (const { payload, ...headers } of bad) {
        const res = await server.app.inject({ method: def.method, url: fillPath(def.path, validParams(def)), payload, headers: { ...headers, authorization: `Bearer ${token}` } });
        failures.push(verdict(name, { headers, payload }, res) ?? '');
      }
    }
    expect(failures.filter(Boolean)).toEqual([]);
    expect(await snapshotTables(server.db)).toEqual(before);
  });
});
