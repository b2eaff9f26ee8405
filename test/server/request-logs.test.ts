/** The request log keeps method, path and status, and never a name, date of birth, address, search term or body. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.ts';
import type { LogDestination } from '../../server/http/log-options.ts';
import { buildAgency, buildCase, buildUser } from '../support/factories.ts';
import { buildLocation, buildPerson } from '../support/person-factories.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

// Synthetic, and distinctive enough that finding one in the log can only mean it leaked.
const SENT = {
  username: 'quillborne.logs', password: 'log-pass-Quill-1',
  givenName: 'Zephyrine', familyName: 'Quillborne', dateOfBirth: '1987-04-23',
  address: 'Marrowgate', caseTerm: 'Thistlewood',
  badGivenName: 'Ottoline', badFamilyName: 'Brackenshaw', malformedName: 'Wenceslas',
  errorName: 'Peregrina',
} as const;

/** Captures log lines as pino writes them. */
function captureLog(): LogDestination & { text(): string; entries(): Array<Record<string, unknown>> } {
  const lines: string[] = [];
  return {
    write: (line) => { lines.push(line); },
    text: () => lines.join(''),
    entries: () => lines.join('').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

describe.each(testDialects())('request logs on %s', (dialect) => {
  let server: TestServer;
  const log = captureLog();

  beforeAll(async () => {
    server = await startTestServer(dialect, { logDestination: log });
    const agencyId = await buildAgency(server.db);
    await buildUser(server.db, { agencyId, username: SENT.username, password: SENT.password });
    await buildPerson(server.db, { ownerAgencyId: agencyId, givenName: SENT.givenName, familyName: SENT.familyName, dateOfBirth: SENT.dateOfBirth });
    await buildLocation(server.db, { ownerAgencyId: agencyId, addressLine: `12 ${SENT.address} Lane` });
    await buildCase(server.db, { ownerAgencyId: agencyId });
  });
  afterAll(() => server.stop());

  it('log method, redacted path and status for sign-in, searches, a create and bad bodies, and none of the values sent', async () => {
    const login = await server.app.inject({ method: 'POST', url: '/auth/login', payload: { username: SENT.username, password: SENT.password } });
    expect(login.statusCode).toBe(200);
    const headers = { authorization: `Bearer ${login.json<{ accessToken: string }>().accessToken}` };
    const get = (url: string) => server.app.inject({ method: 'GET', url, headers });

    const persons = await get(`/persons/search?q=${SENT.givenName}%20${SENT.familyName}&dateOfBirth=${SENT.dateOfBirth}`);
    expect(persons.statusCode).toBe(200);
    expect(persons.body).toContain(SENT.familyName);
    const places = await get(`/locations/search?q=${SENT.address}`);
    expect(places.statusCode).toBe(200);
    expect(places.body).toContain(SENT.address);
    expect((await get(`/cases?q=${SENT.caseTerm}`)).statusCode).toBe(200);
    const created = await server.app.inject({
      method: 'POST', url: '/persons', headers,
      payload: { givenName: SENT.givenName, familyName: `${SENT.familyName}-Ames`, dateOfBirth: SENT.dateOfBirth, gender: 'female', consentStatus: 'given' },
    });
    expect(created.statusCode).toBe(200);
    const invalid = await server.app.inject({
      method: 'POST', url: '/persons', headers, payload: { givenName: SENT.badGivenName, familyName: SENT.badFamilyName, gender: 'no-such-gender' },
    });
    expect(invalid.statusCode).toBe(400);
    const malformed = await server.app.inject({
      method: 'POST', url: '/persons', headers: { ...headers, 'content-type': 'application/json' }, payload: `{"givenName":"${SENT.malformedName}",`,
    });
    expect(malformed.statusCode).toBe(400);

    const text = log.text();
    for (const value of Object.values(SENT)) {
      expect(text, `the log holds "${value}"`).not.toContain(value);
    }
    // The year of birth on its own; not digits inside a number such as a response time (0.8198749…).
    expect(text).not.toMatch(/(?<!\d)1987(?!\d)/);
    const entries = log.entries();
    const requests = entries.filter((e) => e.msg === 'incoming request').map((e) => e.req as { method: string; url: string });
    expect(requests).toEqual(expect.arrayContaining([
      expect.objectContaining({ method: 'POST', url: '/auth/login' }),
      expect.objectContaining({ method: 'GET', url: '/persons/search?[redacted]' }),
      expect.objectContaining({ method: 'GET', url: '/locations/search?[redacted]' }),
      expect.objectContaining({ method: 'GET', url: '/cases?[redacted]' }),
      expect.objectContaining({ method: 'POST', url: '/persons' }),
    ]));
    const statuses = entries.filter((e) => e.msg === 'request completed').map((e) => (e.res as { statusCode: number }).statusCode);
    expect(statuses).toEqual(expect.arrayContaining([200, 400]));
  });

  it('log an unhandled error by its class only, never its message', async () => {
    const errors = captureLog();
    const app = await buildApp(server.ctx, { logger: true, logDestination: errors });
    app.get('/boom', () => {
      throw new TypeError(`cannot file ${SENT.errorName} Quillborne born ${SENT.dateOfBirth}`);
    });
    expect((await app.inject({ method: 'GET', url: '/boom?who=Peregrina' })).statusCode).toBe(500);
    await app.close();
    expect(errors.text()).not.toContain(SENT.errorName);
    expect(errors.text()).not.toContain(SENT.dateOfBirth);
    const failure = errors.entries().find((e) => e.msg === 'unhandled error');
    expect(failure).toMatchObject({ err: { type: 'TypeError' }, route: '/boom' });
    expect(errors.entries().find((e) => e.msg === 'incoming request')?.req).toMatchObject({ method: 'GET', url: '/boom?[redacted]' });
  });
});
