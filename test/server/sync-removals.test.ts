import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullResponse } from '../../domain/http/sync-schemas.ts';
import { newId } from '../../domain/ids.ts';
import { recordChange } from '../../server/changes/record-change.ts';
import { withWrite } from '../../server/db/write.ts';
import { buildAgency, buildCase, buildUser } from '../support/factories.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const NOW = '2026-11-02T09:00:00.000Z';

describe.each(testDialects())('sync removals and access changes on %s', (dialect) => {
  let server: TestServer;
  const tokens: Record<string, string> = {};
  let police = '';
  let council = '';
  let pcId = '';

  beforeAll(async () => {
    server = await startTestServer(dialect);
    police = await buildAgency(server.db, { kind: 'police', name: 'Police' });
    council = await buildAgency(server.db, { name: 'Council' });
    const pc = await buildUser(server.db, { agencyId: police });
    pcId = pc.id;
    const officer = await buildUser(server.db, { agencyId: council });
    for (const [name, u] of Object.entries({ pc, officer })) {
      const res = await server.app.inject({ method: 'POST', url: '/auth/login', payload: { username: u.username, password: u.password } });
      tokens[name] = res.json<{ accessToken: string }>().accessToken;
    }
  });
  afterAll(() => server.stop());

  async function pull(token: string, cursor?: string, limit = 500): Promise<{ status: number; page: PullResponse }> {
    const qs = new URLSearchParams({ limit: String(limit), ...(cursor ? { cursor } : {}) });
    const res = await server.app.inject({ method: 'GET', url: `/sync/pull?${qs}`, headers: { authorization: `Bearer ${token}` } });
    return { status: res.statusCode, page: res.json<PullResponse>() };
  }
  async function pullAll(token: string, cursor?: string): Promise<{ page: PullResponse; cursor: string }> {
    const all: PullResponse = { changes: [], removals: [], cursor: cursor ?? '0', hasMore: true, lastMutationId: 0 };
    let at = cursor;
    for (;;) {
      const { page } = await pull(token, at);
      all.changes.push(...page.changes);
      all.removals.push(...page.removals);
      at = page.cursor;
      if (!page.hasMore) {
        return { page: all, cursor: page.cursor };
      }
    }
  }
  const ids = (page: PullResponse, entity: string) => page.changes.filter((c) => c.entity === entity).map((c) => c.data.id);

  function setSharing(caseId: string, level: 'shared' | 'owner_agency', agencies: string[]) {
    return withWrite(server.ctx, async (trx) => {
      // As the sharing service does: the change is recorded (with who could see the case) before the write.
      const seq = await recordChange(trx, { entity: 'case', entityId: caseId, op: 'access', caseId, at: NOW });
      await trx.deleteFrom('case_shared_agencies').where('case_id', '=', caseId).execute();
      for (const agencyId of agencies) {
        await trx.insertInto('case_shared_agencies').values({ case_id: caseId, agency_id: agencyId }).execute();
      }
      await trx.updateTable('cases').set((eb) => ({ sharing_level: level, seq, version: eb('version', '+', 1) })).where('id', '=', caseId).execute();
    });
  }

  it('sends a removal, not the record, after a share is revoked', async () => {
    const caseId = (await buildCase(server.db, { ownerAgencyId: police, sharingLevel: 'shared', sharedAgencyIds: [council] })).id;
    const before = await pullAll(tokens.officer!);
    expect(ids(before.page, 'case')).toContain(caseId);
    await setSharing(caseId, 'owner_agency', []);
    const after = await pullAll(tokens.officer!, before.cursor);
    expect(after.page.removals).toContainEqual({ entity: 'case', id: caseId });
    expect(ids(after.page, 'case')).not.toContain(caseId);
    // The owner still sees it, as a change.
    const owner = await pullAll(tokens.pc!, before.cursor);
    expect(ids(owner.page, 'case')).toContain(caseId);
    expect(owner.page.removals).toEqual([]);
  });

  it('sends a newly shared case with its parts logged long before the cursor, and removes its tasks when revoked', async () => {
    const caseId = (await buildCase(server.db, { ownerAgencyId: police })).id;
    const reportId = newId();
    const taskId = newId();
    await withWrite(server.ctx, async (trx) => {
      await trx.insertInto('reports').values({
        id: reportId, case_id: caseId, kind: 'contact', title: 'Police visit', body: 'Text', author_user_id: pcId,
        author_agency_id: police, author_team_id: null, sharing_level: 'case', created_at: NOW, updated_at: NOW, version: 1,
      }).execute();
      await recordChange(trx, { entity: 'report', entityId: reportId, op: 'upsert', caseId, at: NOW });
      await trx.insertInto('tasks').values({
        id: taskId, case_id: caseId, title: 'Check address', description: '', assignee_agency_id: police, assignee_team_id: null,
        assignee_user_id: null, due_date: null, status: 'open', created_by: pcId, created_at: NOW, updated_at: NOW, version: 1,
      }).execute();
      await recordChange(trx, { entity: 'task', entityId: taskId, op: 'upsert', caseId, at: NOW });
    });
    const before = await pullAll(tokens.officer!);
    expect(ids(before.page, 'report')).not.toContain(reportId);
    expect(ids(before.page, 'case')).not.toContain(caseId);

    await setSharing(caseId, 'shared', [council]);
    const gained = await pullAll(tokens.officer!, before.cursor);
    expect(ids(gained.page, 'case')).toEqual([caseId]);
    expect(ids(gained.page, 'report')).toEqual([reportId]);
    expect(ids(gained.page, 'task')).toEqual([taskId]);

    await setSharing(caseId, 'owner_agency', []);
    const lost = await pullAll(tokens.officer!, gained.cursor);
    expect(lost.page.changes).toEqual([]);
    expect(lost.page.removals).toEqual(expect.arrayContaining([{ entity: 'case', id: caseId }, { entity: 'task', id: taskId }]));
  });

  it('never names a case or its tasks, markers, persons and places to a puller who never saw them when its access changes', async () => {
    const start = (await pullAll(tokens.officer!)).cursor;
    const caseId = (await buildCase(server.db, { ownerAgencyId: police })).id;
    const [taskId, markerId, personId, locationId] = [newId(), newId(), newId(), newId()];
    await withWrite(server.ctx, async (trx) => {
      await trx.insertInto('tasks').values({
        id: taskId, case_id: caseId, title: 'Check address', description: '', assignee_agency_id: police, assignee_team_id: null,
        assignee_user_id: null, due_date: null, status: 'open', created_by: pcId, created_at: NOW, updated_at: NOW, version: 1,
      }).execute();
      await trx.insertInto('persons').values({
        id: personId, given_name: 'Ada', family_name: 'Example', date_of_birth: '1990-01-01', estimated_birth_year: null, gender: 'unknown',
        owner_agency_id: police, consent_status: 'not_sought', name_key: 'AE', merged_into_id: null, created_by: null, created_at: NOW, updated_at: NOW, version: 1,
      }).execute();
      await trx.insertInto('case_subjects').values({ id: newId(), case_id: caseId, person_id: personId, role: 'victim', created_at: NOW }).execute();
      await trx.insertInto('locations').values({
        id: locationId, address_line: '1 Example Row', town: 'Riverton', postcode: 'RV1 1AA', uprn: null, latitude: null, longitude: null,
        owner_agency_id: police, created_at: NOW, updated_at: NOW, version: 1,
      }).execute();
      await trx.insertInto('case_locations').values({ id: newId(), case_id: caseId, location_id: locationId, description: '', created_at: NOW }).execute();
      await trx.insertInto('markers').values({
        id: markerId, subject_type: 'case', subject_id: caseId, marker_type: 'vulnerability', description: '', owner_agency_id: police,
        created_by: pcId, review_date: '2026-12-01', expires_at: null, created_at: NOW, updated_at: NOW, version: 1,
      }).execute();
    });
    // Its access changes twice; the council never could see any of it.
    await setSharing(caseId, 'owner_agency', []);
    await setSharing(caseId, 'owner_agency', []);
    const officer = await pullAll(tokens.officer!, start);
    expect(officer.page.changes.filter((c) => c.entity !== 'agency')).toEqual([]);
    expect(officer.page.removals).toEqual([]);
    // The police, who see it, are told nothing is gone.
    expect((await pullAll(tokens.pc!, start)).page.removals).toEqual([]);
  });

  it('asks a client whose cursor lies in changes logged before removals kept their audience to bootstrap again', async () => {
    const head = Number((await pullAll(tokens.pc!)).cursor);
    await server.db.updateTable('change_seq').set({ prior_floor: head }).where('id', '=', 1).execute();
    try {
      const inside = await pull(tokens.pc!, String(head - 1));
      expect(inside.status).toBe(409);
      expect((inside.page as unknown as { error: { code: string } }).error.code).toBe('reset_required');
      expect((await pull(tokens.pc!, String(head))).status).toBe(200);
      // A client with nothing (cursor 0) has nothing to remove: it may pull.
      expect((await pull(tokens.pc!, '0')).status).toBe(200);
    } finally {
      await server.db.updateTable('change_seq').set({ prior_floor: 0 }).where('id', '=', 1).execute();
    }
  });

  it('delivers the person of a new case subject in full to a partner who sees the case, and nothing to one who does not', async () => {
    const caseId = (await buildCase(server.db, { ownerAgencyId: police, sharingLevel: 'shared', sharedAgencyIds: [council] })).id;
    const hiddenCaseId = (await buildCase(server.db, { ownerAgencyId: police })).id;
    const start = (await pullAll(tokens.officer!)).cursor;
    const personId = newId();
    const otherPersonId = newId();
    for (const id of [personId, otherPersonId]) {
      await server.db.insertInto('persons').values({
        id, given_name: 'Sam', family_name: 'Example', date_of_birth: '1990-01-01', estimated_birth_year: null, gender: 'unknown',
        owner_agency_id: police, consent_status: 'not_sought', name_key: 'SM', merged_into_id: null, created_by: null,
        created_at: NOW, updated_at: NOW, version: 1,
      }).execute();
    }
    const subjectId = newId();
    await withWrite(server.ctx, async (trx) => {
      for (const [id, onCase, person] of [[subjectId, caseId, personId], [newId(), hiddenCaseId, otherPersonId]] as const) {
        await trx.insertInto('case_subjects').values({ id, case_id: onCase, person_id: person, role: 'victim', created_at: NOW }).execute();
        await recordChange(trx, { entity: 'case_subject', entityId: id, op: 'upsert', caseId: onCase, at: NOW });
      }
    });
    const { page } = await pullAll(tokens.officer!, start);
    expect(ids(page, 'case_subject')).toEqual([subjectId]);
    expect(page.changes.filter((c) => c.entity === 'person').map((c) => c.data)).toEqual([{
      id: personId, givenName: 'Sam', familyName: 'Example', dateOfBirth: '1990-01-01', estimatedBirthYear: null, gender: 'unknown', aliases: [],
      // A partner sees the person in full but does not own it: it may only add its own identifiers.
      abilities: { update: false, transfer: false, addAlias: false, addIdentifier: true, requestAccess: false },
    }]);
  });

  it('bounds a page by change-log rows scanned, so a user who sees little still pages', async () => {
    const start = (await pullAll(tokens.officer!)).cursor;
    for (let i = 0; i < 12; i += 1) {
      await buildCase(server.db, { ownerAgencyId: police });
    }
    let cursor = start;
    let pages = 0;
    for (;;) {
      const { status, page } = await pull(tokens.officer!, cursor, 5);
      expect(status).toBe(200);
      expect(page.changes).toEqual([]);
      expect(Number(page.cursor) - Number(cursor)).toBeLessThanOrEqual(5);
      expect(Number(page.cursor)).toBeGreaterThan(Number(cursor));
      pages += 1;
      cursor = page.cursor;
      if (!page.hasMore) {
        break;
      }
    }
    expect(pages).toBe(3);
    expect(Number(cursor) - Number(start)).toBe(12);
  });

  it('answers 409 reset_required for a cursor ahead of the change log', async () => {
    const head = (await pullAll(tokens.pc!)).cursor;
    const { status, page } = await pull(tokens.pc!, String(Number(head) + 1));
    expect(status).toBe(409);
    expect((page as unknown as { error: { code: string } }).error.code).toBe('reset_required');
  });
});
