import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../domain/ids.ts';
import { buildAgency, buildCase, buildUser } from '../support/factories.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('synthetic image bytes')]);

function multipart(fields: Record<string, string>, name: string, type: string, content: Buffer) {
  const boundary = `----cbtest${newId()}`;
  const parts: Buffer[] = Object.entries(fields).map(([k, v]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`), content, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe.each(testDialects())('document visibility on %s', (dialect) => {
  let server: TestServer;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    server = await startTestServer(dialect);
    const db = server.db;
    const police = await buildAgency(db, { name: 'Police', kind: 'police', code: 'POL' });
    const council = await buildAgency(db, { name: 'Council', code: 'COU' });
    const housing = await buildAgency(db, { name: 'Housing', kind: 'housing', code: 'HOU' });
    const pc = await buildUser(db, { agencyId: police });
    const made = { pc, officer: await buildUser(db, { agencyId: council }), housing: await buildUser(db, { agencyId: housing }) };
    for (const [name, u] of Object.entries(made)) {
      const res = await server.app.inject({ method: 'POST', url: '/auth/login', payload: { username: u.username, password: u.password } });
      tokens[name] = res.json<{ accessToken: string }>().accessToken;
    }
    ids.case = (await buildCase(db, { ownerAgencyId: police, sharingLevel: 'shared', sharedAgencyIds: [council] })).id;
    ids.report = newId();
    const at = new Date().toISOString();
    await db.insertInto('reports').values({
      id: ids.report, case_id: ids.case, kind: 'research', title: 'Police intelligence', body: 'synthetic', author_user_id: pc.id,
      author_agency_id: police, author_team_id: null, sharing_level: 'owner_agency', created_at: at, updated_at: at, version: 1,
    }).execute();
    ids.council = council;
  });
  afterAll(() => server.stop());

  const upload = async (token: string, fields: Record<string, string>) => {
    const body = multipart(fields, 'photo.png', 'image/png', PNG);
    return server.app.inject({ method: 'POST', url: `/cases/${ids.case}/documents`, payload: body.payload, headers: { ...body.headers, authorization: `Bearer ${token}` } });
  };
  const get = (token: string, url: string) => server.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
  const listed = async (token: string) => (await get(token, `/cases/${ids.case}/documents`)).json<{ documents: Array<{ id: string }> }>().documents.map((d) => d.id);

  it('answers 404 on metadata, content and list to a user of an agency the case is not shared with', async () => {
    const doc = (await upload(tokens.pc!, {})).json<{ id: string }>();
    for (const url of [`/documents/${doc.id}`, `/documents/${doc.id}/content`, `/cases/${ids.case}/documents`]) {
      const res = await get(tokens.housing!, url);
      expect(res.statusCode).toBe(404);
      expect(res.json<{ error: { code: string } }>().error.code).toBe('not_found');
    }
    expect((await get(tokens.officer!, `/documents/${doc.id}/content`)).statusCode).toBe(200);
    expect(await listed(tokens.officer!)).toContain(doc.id);
  });

  it('hides a document attached to a police-only report from the council even though the case is shared', async () => {
    const res = await upload(tokens.pc!, { reportId: ids.report! });
    expect(res.statusCode).toBe(201);
    const doc = res.json<{ id: string; reportId: string }>();
    expect(doc.reportId).toBe(ids.report);
    expect((await get(tokens.officer!, `/documents/${doc.id}`)).statusCode).toBe(404);
    expect((await get(tokens.officer!, `/documents/${doc.id}/content`)).statusCode).toBe(404);
    expect(await listed(tokens.officer!)).not.toContain(doc.id);
    expect(await listed(tokens.pc!)).toContain(doc.id);
  });

  it('refuses to attach to a report the uploader cannot see, as if it did not exist', async () => {
    const res = await upload(tokens.officer!, { reportId: ids.report! });
    expect(res.statusCode).toBe(404);
  });

  it('restricts a document to its owner agency, and shares it by name only with sharing level shared', async () => {
    const own = (await upload(tokens.pc!, { sharingLevel: 'owner_agency' })).json<{ id: string }>();
    expect((await get(tokens.officer!, `/documents/${own.id}`)).statusCode).toBe(404);
    const bad = await upload(tokens.pc!, { sharingLevel: 'owner_agency', shares: JSON.stringify({ agencyIds: [ids.council] }) });
    expect(bad.statusCode).toBe(400);
    const shared = await upload(tokens.pc!, { sharingLevel: 'shared', shares: JSON.stringify({ agencyIds: [ids.council] }) });
    expect(shared.statusCode).toBe(201);
    const doc = shared.json<{ id: string; shares: { agencyIds: string[] } }>();
    expect(doc.shares.agencyIds).toEqual([ids.council]);
    expect((await get(tokens.officer!, `/documents/${doc.id}`)).statusCode).toBe(200);
    expect((await get(tokens.housing!, `/documents/${doc.id}`)).statusCode).toBe(404);
  });
});
