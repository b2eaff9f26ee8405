/**
 * Erasure reaches the desktops (docs/audit.md, "Retention and erasure"): a partner's synced cache,
 * encrypted as in production, loses the erased case's rows, index entries, stored document and every
 * raw byte of its content in the file and its WAL at the next pull. A plain cache is the control that
 * shows the scan would see the words, and that the deletion is physical rather than hidden by encryption.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CacheDatabase } from '../../db/cache/schema.ts';
import { PullResponseSchema } from '../../domain/http/sync-schemas.ts';
import { createApiClient } from '../../main/api/api-client.ts';
import type { CaseCache } from '../../main/cache/case-cache.ts';
import { documentsDir } from '../../main/cache/document-files.ts';
import { DocumentContentFetcher } from '../../main/sync/fetch-document-content.ts';
import { signIn } from '../support/case-factories.ts';
import { uploadDocument } from '../support/document-upload.ts';
import { buildAgency, buildCase, buildTeam, buildUser } from '../support/factories.ts';
import { addSubject, buildPerson } from '../support/person-factories.ts';
import { recordChange } from '../../server/changes/record-change.ts';
import { withWrite } from '../../server/db/write.ts';
import { filesUnder, findInFiles } from '../support/raw-bytes.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { ftsRowids, openPlainCache, openTestCache, trigramRowids, trigramTerms } from './cache-test-kit.ts';

const SECRET = {
  title: 'Cuckooing at Marrowdene Parade', given: 'Philippa', family: 'Grimsditch', alias: 'Snapdragon', body: 'Informant described the Hollowcombe landing',
  address: 'Flat 3, Kestrelwick House', postcode: 'KW3 3QX', marker: 'Snake kept at Kestrelwick',
};
const NEEDLES = [...Object.values(SECRET), 'marrowdene', 'grimsditch', 'snapdragon', 'hollowcombe', 'kestrelwick', 'philippa'];
const DOCUMENT = Buffer.from(`Safety plan: ${SECRET.given} ${SECRET.family}, ${SECRET.address}. ${SECRET.marker}.\n`);
const REASON = 'Retention period ended; review found no reason to keep';
const trigrams = (text: string) => Array.from({ length: Math.max(0, text.length - 2) }, (_, i) => text.toLowerCase().slice(i, i + 3));

describe('erasure: an erased case leaves no trace in a partner\'s synced cache', () => {
  let server: TestServer;
  let clock = new Date('2019-03-04T10:00:00.000Z');
  let dir: string;
  const tokens = { officer: '', owner: '', partner: '' };
  const users: Record<keyof typeof tokens, { username: string; password: string }> = {
    officer: { username: '', password: '' }, owner: { username: '', password: '' }, partner: { username: '', password: '' },
  };
  let caseId = '';
  let reference = '';
  let keptCaseId = '';
  const caches: Array<{ cache: CaseCache; db: Kysely<CacheDatabase>; cursor?: string }> = [];

  const as = (who: keyof typeof tokens, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    server.app.inject({ method, url, headers: { authorization: `Bearer ${tokens[who]}` }, ...(payload ? { payload } : {}) });
  const signInAll = async () => {
    for (const who of Object.keys(tokens) as Array<keyof typeof tokens>) {
      tokens[who] = await signIn(server, users[who].username, users[who].password);
    }
  };
  async function pullInto(entry: (typeof caches)[number]): Promise<number> {
    let removals = 0;
    for (;;) {
      const qs = new URLSearchParams({ limit: '500', ...(entry.cursor ? { cursor: entry.cursor } : {}) });
      const page = PullResponseSchema.parse((await as('partner', 'GET', `/sync/pull?${qs}`)).json());
      await entry.cache.applyPullPage(page);
      removals += page.removals.length;
      entry.cursor = page.cursor;
      if (!page.hasMore) {
        return removals;
      }
    }
  }

  beforeAll(async () => {
    server = await startTestServer('sqlite', { now: () => clock });
    const police = await buildAgency(server.db, { kind: 'police', name: 'Police' });
    const council = await buildAgency(server.db, { name: 'Council' });
    const team = await buildTeam(server.db, police);
    users.officer = await buildUser(server.db, { agencyId: police, role: 'data_officer' });
    users.owner = await buildUser(server.db, { agencyId: police, role: 'team_manager', teamIds: [team] });
    users.partner = await buildUser(server.db, { agencyId: council });
    await signInAll();
    const secret = await buildCase(server.db, { ownerAgencyId: police, title: SECRET.title, sharingLevel: 'shared', sharedAgencyIds: [council], ownerTeamId: team });
    caseId = secret.id;
    reference = secret.reference;
    keptCaseId = (await buildCase(server.db, { ownerAgencyId: police, title: 'Still shared graffiti case', sharingLevel: 'shared', sharedAgencyIds: [council] })).id;
    const personId = await buildPerson(server.db, { ownerAgencyId: police, givenName: SECRET.given, familyName: SECRET.family, aliases: [{ givenName: 'Pip', familyName: SECRET.alias }] });
    const subjectId = await addSubject(server.db, caseId, personId, 'victim');
    await withWrite(server.ctx, (trx) => recordChange(trx, { entity: 'case_subject', entityId: subjectId, op: 'upsert', caseId, at: clock.toISOString() }));
    const post = async (url: string, payload: object) => {
      const res = await as('owner', 'POST', url, payload);
      expect(res.statusCode, res.body).toBeLessThan(300);
      return res.json<{ id: string }>().id;
    };
    const locationId = await post('/locations', { addressLine: SECRET.address, town: 'Orrisbridge', postcode: SECRET.postcode });
    await post(`/cases/${caseId}/locations`, { locationId, description: 'Victim home' });
    await post(`/cases/${caseId}/reports`, { kind: 'research', title: 'Police research', body: SECRET.body });
    await post('/markers', { subjectType: 'location', subjectId: locationId, markerType: 'violence', description: SECRET.marker, reviewDate: '2019-12-01' });
    await uploadDocument(server, tokens.owner, caseId, { name: 'plan.txt', type: 'text/plain', content: DOCUMENT });
    expect((await as('owner', 'PATCH', `/cases/${caseId}`, { status: 'closed', closureReason: 'no_further_action', expectedVersion: 1 })).statusCode).toBe(200);
    clock = new Date('2026-11-02T09:00:00.000Z');
    await signInAll();

    dir = mkdtempSync(join(tmpdir(), 'cb-cache-erase-'));
    const encrypted = await openTestCache(dir);
    const plain = await openPlainCache(dir);
    caches.push({ cache: encrypted.cache, db: encrypted.db }, { cache: plain.cache, db: plain.db });
    for (const entry of caches) {
      await pullInto(entry);
    }
    const fetched = await new DocumentContentFetcher().fetchMissing(encrypted.cache, createApiClient({ baseUrl: server.url }), () => Promise.resolve(tokens.partner));
    expect(fetched).toEqual({ stored: 1, failed: 0, stopped: false });
  });
  afterAll(async () => {
    for (const { cache } of caches) {
      await cache.close();
    }
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('holds the case, its person, place, report, marker and document before the erasure', async () => {
    for (const { cache, db } of caches) {
      expect((await db.selectFrom('cases').select('id').orderBy('id').execute()).map((c) => c.id)).toEqual([caseId, keptCaseId].sort());
      expect((await cache.searchPersons('snapdr')).hits.map((h) => h.familyName)).toEqual([SECRET.family]);
      expect(await ftsRowids(db, 'report_fts', 'hollowcombe')).toHaveLength(1);
      expect(await db.selectFrom('markers').select('description').execute()).toEqual([{ description: SECRET.marker }]);
    }
    expect(filesUnder(documentsDir(dir))).toHaveLength(1);
    expect(findInFiles(filesUnder(dir).filter((f) => f.includes('plain.db')), NEEDLES)).toEqual(expect.arrayContaining([SECRET.address, SECRET.body, SECRET.marker]));
  });

  it('after the data officer erases the case, the next pull leaves no row, index entry, document file or raw byte of it', async () => {
    expect((await as('officer', 'POST', `/retention/cases/${caseId}/decisions`, { decision: 'erase', reason: REASON })).statusCode).toBe(200);
    const erased = await as('officer', 'POST', `/retention/cases/${caseId}/erase`, { confirmReference: reference, reason: REASON });
    expect(erased.statusCode, erased.body).toBe(200);
    for (const entry of caches) {
      expect(await pullInto(entry)).toBeGreaterThan(0);
      const { cache, db } = entry;
      expect(await db.selectFrom('cases').select('id').execute()).toEqual([{ id: keptCaseId }]);
      for (const table of ['reports', 'documents', 'persons', 'case_subjects', 'locations', 'case_locations', 'markers'] as const) {
        expect(await db.selectFrom(table).selectAll().execute(), table).toEqual([]);
      }
      expect(await ftsRowids(db, 'case_fts', 'marrowdene OR cuckooing')).toEqual([]);
      expect(await ftsRowids(db, 'report_fts', 'hollowcombe OR informant')).toEqual([]);
      expect(await ftsRowids(db, 'person_fts', 'philippa OR grimsditch OR snapdragon')).toEqual([]);
      expect((await cache.searchPersons('grims')).hits).toEqual([]);
      expect(await trigramRowids(db, 'case_trigram', '"marrowdene" OR "cuckooing"')).toEqual([]);
      const kept = (await db.selectFrom('cases').select(['reference', 'title']).execute()).flatMap((c) => [...trigrams(c.reference), ...trigrams(c.title)]);
      const secretOnly = trigrams(SECRET.title).filter((t) => !kept.includes(t));
      expect(secretOnly.length).toBeGreaterThan(10);
      expect((await trigramTerms(db, 'case_trigram')).filter((t) => secretOnly.includes(t))).toEqual([]);
      expect(await trigramTerms(db, 'person_trigram')).toEqual([]);
    }
    expect(filesUnder(documentsDir(dir))).toEqual([]);
    // Both caches' files and WALs, encrypted and plain.
    expect(filesUnder(dir).length).toBeGreaterThanOrEqual(2);
    expect(findInFiles(filesUnder(dir), NEEDLES)).toEqual([]);
  });
});
