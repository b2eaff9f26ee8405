/** Every route-level write of one scripted scenario reaches another user's pull as the expected change or removal. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullResponse, SyncChange, SyncRemoval } from '../../domain/http/sync-schemas.ts';
import { newId } from '../../domain/ids.ts';
import type { Role } from '../../domain/vocabulary.ts';
import { buildAgency, buildTeam, buildUser } from '../support/factories.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from('synthetic test document, no real data\n%%EOF\n')]);
const REASON = 'Working with the family on housing; need the risk history.';

function multipart(file: { name: string; type: string; content: Buffer }) {
  const boundary = `----cbsync${newId()}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`),
    file.content, Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe.each(testDialects())('route writes reach sync on %s', (dialect) => {
  let server: TestServer;
  const tokens: Record<string, string> = {};
  const cursors: Record<string, string | undefined> = {};
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer(dialect);
    const db = server.db;
    ids.police = await buildAgency(db, { kind: 'police', name: 'Police' });
    ids.council = await buildAgency(db, { name: 'Council' });
    ids.housing = await buildAgency(db, { kind: 'housing', name: 'Housing' });
    const ppu = await buildTeam(db, ids.police, 'PPU');
    const specs: Record<string, { agencyId: string; role: Role; teamIds: string[] }> = {
      pc: { agencyId: ids.police, role: 'practitioner', teamIds: [ppu] },
      colleague: { agencyId: ids.police, role: 'practitioner', teamIds: [ppu] },
      manager: { agencyId: ids.police, role: 'team_manager', teamIds: [ppu] },
      officer: { agencyId: ids.council, role: 'practitioner', teamIds: [] },
      housing: { agencyId: ids.housing, role: 'practitioner', teamIds: [] },
    };
    for (const [name, spec] of Object.entries(specs)) {
      const u = await buildUser(db, spec);
      const res = await server.app.inject({ method: 'POST', url: '/auth/login', payload: { username: u.username, password: u.password } });
      tokens[name] = res.json<{ accessToken: string }>().accessToken;
      await pull(name); // start every user at the head, so each step below sees only its own changes
    }
  });
  afterAll(() => server.stop());

  async function call<T>(name: string, method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: object): Promise<T> {
    const res = await server.app.inject({ method, url, ...(payload ? { payload } : {}), headers: { authorization: `Bearer ${tokens[name]}` } });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
    return (res.body ? res.json() : undefined) as T;
  }
  /** Pulls every page after the user's cursor. */
  async function pull(name: string): Promise<{ changes: SyncChange[]; removals: SyncRemoval[] }> {
    const out = { changes: [] as SyncChange[], removals: [] as SyncRemoval[] };
    for (;;) {
      const qs = cursors[name] === undefined ? '' : `?cursor=${cursors[name]}`;
      const res = await server.app.inject({ method: 'GET', url: `/sync/pull${qs}`, headers: { authorization: `Bearer ${tokens[name]}` } });
      expect(res.statusCode).toBe(200);
      const page = res.json<PullResponse>();
      out.changes.push(...page.changes);
      out.removals.push(...page.removals);
      cursors[name] = page.cursor;
      if (!page.hasMore) {
        return out;
      }
    }
  }
  const keys = (p: { changes: SyncChange[] }) => p.changes.map((c) => `${c.entity}:${c.data.id}`);
  const removed = (p: { removals: SyncRemoval[] }) => p.removals.map((r) => `${r.entity}:${r.id}`);

  it('create case: a colleague of the owner agency gets it, a partner does not', async () => {
    ids.case = (await call<{ id: string }>('pc', 'POST', '/cases', { title: 'Synthetic ASB', caseType: 'asb' })).id;
    expect(keys(await pull('colleague'))).toEqual([`case:${ids.case}`]);
    expect(keys(await pull('officer'))).toEqual([]);
  });

  it('share: the partner gets the case', async () => {
    await call('pc', 'PUT', `/cases/${ids.case}/sharing`, { sharingLevel: 'shared', agencyIds: [ids.council], hiddenFromSearch: false, expectedVersion: 1 });
    expect(keys(await pull('officer'))).toContain(`case:${ids.case}`);
  });

  it('add subject: the partner gets the subject and the person', async () => {
    ids.person = (await call<{ person: { id: string } }>('pc', 'POST', '/persons', {
      givenName: 'Alex', familyName: 'Synthetic', gender: 'unknown', consentStatus: 'not_sought',
    })).person.id;
    await call('pc', 'POST', `/cases/${ids.case}/subjects`, { personId: ids.person, role: 'victim' });
    const got = await pull('officer');
    expect(keys(got)).toContain(`person:${ids.person}`);
    expect(got.changes.filter((c) => c.entity === 'case_subject').map((c) => c.data.personId)).toEqual([ids.person]);
  });

  it('report: the owner agency gets the partner report', async () => {
    ids.report = (await call<{ id: string }>('officer', 'POST', `/cases/${ids.case}/reports`, { kind: 'contact', title: 'Visit', body: 'Seen.' })).id;
    expect(keys(await pull('pc'))).toContain(`report:${ids.report}`);
  });

  it('task and task update: the assignee gets the task, the owner gets its thread', async () => {
    ids.task = (await call<{ id: string }>('pc', 'POST', `/cases/${ids.case}/tasks`, { title: 'Call back', assigneeAgencyId: ids.council })).id;
    expect(keys(await pull('officer'))).toContain(`task:${ids.task}`);
    await call('officer', 'POST', `/tasks/${ids.task}/updates`, { body: 'Called, no answer.' });
    const task = (await pull('pc')).changes.find((c) => c.entity === 'task' && c.data.id === ids.task);
    expect(task?.entity === 'task' ? task.data.updates.map((u) => u.body) : null).toEqual(['Called, no answer.']);
  });

  it('marker and document upload: the partner gets both', async () => {
    ids.marker = (await call<{ id: string }>('pc', 'POST', '/markers', {
      subjectType: 'case', subjectId: ids.case, markerType: 'violence', description: 'Synthetic warning', reviewDate: '2027-01-01',
    })).id;
    ids.personMarker = (await call<{ id: string }>('pc', 'POST', '/markers', {
      subjectType: 'person', subjectId: ids.person, markerType: 'staff_safety', description: 'Synthetic staff warning', reviewDate: '2027-01-01',
    })).id;
    const body = multipart({ name: 'notes.pdf', type: 'application/pdf', content: PDF });
    const up = await server.app.inject({ method: 'POST', url: `/cases/${ids.case}/documents`, payload: body.payload, headers: { ...body.headers, authorization: `Bearer ${tokens.pc}` } });
    expect(up.statusCode).toBe(201);
    ids.document = up.json<{ id: string }>().id;
    expect(keys(await pull('officer'))).toEqual(expect.arrayContaining([`marker:${ids.marker}`, `marker:${ids.personMarker}`, `document:${ids.document}`]));
  });

  it('access request and approval: the decider gets the request, the requester the case and its parts', async () => {
    ids.request = (await call<{ id: string }>('housing', 'POST', '/access-requests', { resourceType: 'case', resourceId: ids.case, reason: REASON })).id;
    const decider = await pull('manager');
    expect(keys(decider)).toContain(`access_request:${ids.request}`);
    expect(keys(await pull('housing'))).toEqual([`access_request:${ids.request}`]);
    const expiresAt = new Date(Date.now() + 7 * 24 * 3600 * 1000).toISOString();
    await call('manager', 'POST', `/access-requests/${ids.request}/approve`, { expiresAt, expectedVersion: 1 });
    expect(keys(await pull('housing'))).toEqual(expect.arrayContaining([
      `access_request:${ids.request}`, `case:${ids.case}`, `person:${ids.person}`, `report:${ids.report}`,
      `task:${ids.task}`, `marker:${ids.marker}`, `document:${ids.document}`,
      `marker:${ids.personMarker}`, // placed on the person before the grant: it follows the person
    ]));
  });

  it('document delete and unsharing: the others get removals', async () => {
    await call('pc', 'DELETE', `/documents/${ids.document}`);
    expect(removed(await pull('colleague'))).toEqual([`document:${ids.document}`]);
    await call('pc', 'PUT', `/cases/${ids.case}/sharing`, { sharingLevel: 'owner_agency', hiddenFromSearch: false, expectedVersion: 2 });
    const officer = await pull('officer');
    expect(removed(officer)).toEqual(expect.arrayContaining([`case:${ids.case}`, `person:${ids.person}`, `marker:${ids.marker}`]));
    expect(keys(officer)).not.toContain(`case:${ids.case}`);
  });
});
