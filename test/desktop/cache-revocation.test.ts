import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CacheDatabase } from '../../db/cache/schema.ts';
import { PullResponseSchema } from '../../domain/http/sync-schemas.ts';
import { newId } from '../../domain/ids.ts';
import { createApiClient } from '../../main/api/api-client.ts';
import type { CaseCache } from '../../main/cache/case-cache.ts';
import { documentPath, documentsDir } from '../../main/cache/document-files.ts';
import { DocumentContentFetcher } from '../../main/sync/fetch-document-content.ts';
import { recordChange } from '../../server/changes/record-change.ts';
import { withWrite } from '../../server/db/write.ts';
import { signIn } from '../support/case-factories.ts';
import { uploadDocument } from '../support/document-upload.ts';
import { buildAgency, buildCase, buildUser } from '../support/factories.ts';
import { buildPerson } from '../support/person-factories.ts';
import { filesUnder, findInFiles } from '../support/raw-bytes.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { ftsRowids, openPlainCache, openTestCache, trigramIndexIsFresh, trigramRowids, trigramTerms } from './cache-test-kit.ts';

const T = '2026-11-02T09:00:00.000Z';
const SECRET = {
  title: 'Cuckooing at Thistlewaite Mansions', given: 'Evadne', family: 'Scrimgeour', alias: 'Marchpane', body: 'Informant described the Ravensworth stairwell',
  // The victim's address: the worst thing to leave behind.
  address: 'Flat 9, Wyvernhythe Buildings', town: 'Orrisbridge', postcode: 'WY9 9ZQ', marker: 'Lurcher kept at Wyvernhythe',
};
// A document on the secret case, as the owner uploads it and the officer's desktop downloads it.
const SAFETY_PLAN = Buffer.from(`Safety plan: ${SECRET.given} ${SECRET.family}, ${SECRET.address}, ${SECRET.town} ${SECRET.postcode}. ${SECRET.marker}.\n`);
// The trigram index stores three-character pieces, which a raw-bytes scan for whole words cannot see: it is read through fts5vocab.
const trigrams = (text: string) => Array.from({ length: Math.max(0, text.length - 2) }, (_, i) => text.toLowerCase().slice(i, i + 3));
const NEEDLES = [
  ...Object.values(SECRET), ...Object.values(SECRET).map((s) => s.toLowerCase()), 'thistlewaite', 'ravensworth', 'scrimgeour', 'marchpane', 'evadne',
  'wyvernhythe', 'orrisbridge', 'WY99ZQ',
];

describe('revocation: an unshared case leaves no trace in the cache', () => {
  let server: TestServer;
  let officerToken = '';
  let ownerToken = '';
  let caseId = '';
  let keptCaseId = '';
  let locationId = '';
  let keptLocationId = '';
  let documentId = '';
  let dir: string;
  const caches: Array<{ label: string; cache: CaseCache; db: Kysely<CacheDatabase>; cursor?: string }> = [];

  async function pullInto(entry: (typeof caches)[number]): Promise<{ removals: number }> {
    let removals = 0;
    for (;;) {
      const qs = new URLSearchParams({ limit: '500', ...(entry.cursor ? { cursor: entry.cursor } : {}) });
      const res = await server.app.inject({ method: 'GET', url: `/sync/pull?${qs}`, headers: { authorization: `Bearer ${officerToken}` } });
      const page = PullResponseSchema.parse(res.json());
      await entry.cache.applyPullPage(page);
      removals += page.removals.length;
      entry.cursor = page.cursor;
      if (!page.hasMore) {
        return { removals };
      }
    }
  }

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    const police = await buildAgency(server.db, { kind: 'police', name: 'Police' });
    const council = await buildAgency(server.db, { name: 'Council' });
    const owner = await buildUser(server.db, { agencyId: police, role: 'team_manager' });
    const officer = await buildUser(server.db, { agencyId: council });
    ownerToken = await signIn(server, owner.username, owner.password);
    officerToken = await signIn(server, officer.username, officer.password);
    caseId = (await buildCase(server.db, { ownerAgencyId: police, title: SECRET.title, sharingLevel: 'shared', sharedAgencyIds: [council] })).id;
    keptCaseId = (await buildCase(server.db, { ownerAgencyId: police, title: 'Still shared graffiti case', sharingLevel: 'shared', sharedAgencyIds: [council] })).id;
    const personId = await buildPerson(server.db, { ownerAgencyId: police, givenName: SECRET.given, familyName: SECRET.family, aliases: [{ givenName: 'Eva', familyName: SECRET.alias }] });
    await withWrite(server.ctx, async (trx) => {
      const subjectId = newId();
      await trx.insertInto('case_subjects').values({ id: subjectId, case_id: caseId, person_id: personId, role: 'victim', created_at: T }).execute();
      await recordChange(trx, { entity: 'case_subject', entityId: subjectId, op: 'upsert', caseId, at: T });
      const reportId = newId();
      await trx.insertInto('reports').values({
        id: reportId, case_id: caseId, kind: 'research', title: 'Police research', body: SECRET.body, author_user_id: owner.id,
        author_agency_id: police, author_team_id: null, sharing_level: 'case', created_at: T, updated_at: T, version: 1,
      }).execute();
      await recordChange(trx, { entity: 'report', entityId: reportId, op: 'upsert', caseId, at: T });
    });
    // Through the API, as the owner records them: a location at each case and a marker on the secret one.
    const postAsOwner = async (url: string, payload: object) => {
      const res = await server.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${ownerToken}` }, payload });
      expect(res.statusCode).toBe(200);
      return res.json<{ id: string }>().id;
    };
    locationId = await postAsOwner('/locations', { addressLine: SECRET.address, town: SECRET.town, postcode: SECRET.postcode });
    keptLocationId = await postAsOwner('/locations', { addressLine: '2 Still Shared Street', town: 'Exampleton', postcode: 'EX2 2SS' });
    await postAsOwner(`/cases/${caseId}/locations`, { locationId, description: 'Victim home' });
    await postAsOwner(`/cases/${keptCaseId}/locations`, { locationId: keptLocationId, description: 'Graffiti wall' });
    await postAsOwner('/markers', { subjectType: 'location', subjectId: locationId, markerType: 'violence', description: SECRET.marker, reviewDate: '2027-01-01' });
    documentId = (await uploadDocument(server, ownerToken, caseId, { name: `${SECRET.address} safety plan.txt`, type: 'text/plain', content: SAFETY_PLAN })).id;
    dir = mkdtempSync(join(tmpdir(), 'cb-cache-revoke-'));
    const encrypted = await openTestCache(dir);
    const plain = await openPlainCache(dir);
    caches.push({ label: 'encrypted', cache: encrypted.cache, db: encrypted.db }, { label: 'plain (control)', cache: plain.cache, db: plain.db });
    for (const entry of caches) {
      await pullInto(entry);
    }
    // The real download the sync engine does after a pull (the plain control has no key, so no documents).
    const fetched = await new DocumentContentFetcher().fetchMissing(encrypted.cache, createApiClient({ baseUrl: server.url }), () => Promise.resolve(officerToken));
    expect(fetched).toEqual({ stored: 1, failed: 0, stopped: false });
  });
  afterAll(async () => {
    for (const { cache } of caches) {
      await cache.close();
    }
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('holds the shared case, its subject, person, report, address, marker and downloaded document before the owner unshares it', async () => {
    for (const { cache, db } of caches) {
      expect((await db.selectFrom('locations').select('id').orderBy('id').execute()).map((l) => l.id)).toEqual([locationId, keptLocationId].sort());
      expect(await db.selectFrom('case_locations').select(['case_id', 'location_id']).where('location_id', '=', locationId).execute())
        .toEqual([{ case_id: caseId, location_id: locationId }]);
      expect(await db.selectFrom('markers').select('description').execute()).toEqual([{ description: SECRET.marker }]);
      expect((await cache.searchPersons('marchp')).hits.map((h) => h.familyName)).toEqual([SECRET.family]);
      expect((await cache.searchCases('ravensw')).hits.map((h) => h.id)).toEqual([caseId]);
      expect((await cache.queue({ filter: 'istlewaite mans', limit: 10, offset: 0 })).rows.map((r) => r.id)).toEqual([caseId]);
      expect((await cache.searchPersons('rchpan')).hits.map((h) => h.familyName)).toEqual([SECRET.family]);
      expect(await trigramTerms(db, 'case_trigram')).toEqual(expect.arrayContaining(trigrams(SECRET.title)));
      expect(await trigramTerms(db, 'person_trigram')).toEqual(expect.arrayContaining([...trigrams(`${SECRET.given} ${SECRET.family}`), ...trigrams(`Eva ${SECRET.alias}`)]));
    }
    const stored = caches[0]!.cache.documentContent!;
    expect(existsSync(documentPath(dir, documentId))).toBe(true);
    expect(readFileSync(documentPath(dir, documentId)).includes(Buffer.from(SECRET.family))).toBe(false);
    expect((await stored.read(documentId))?.equals(SAFETY_PLAN)).toBe(true);
    // The plain control proves the raw-bytes scan would see the text if it were there.
    expect(findInFiles(filesUnder(dir).filter((f) => f.includes('plain.db')), NEEDLES)).toEqual(expect.arrayContaining([SECRET.address, SECRET.marker]));
  });

  it('after PUT /cases/:id/sharing takes the council off, the next pull erases rows, index entries, the document file and raw bytes', async () => {
    const res = await server.app.inject({
      method: 'PUT', url: `/cases/${caseId}/sharing`, headers: { authorization: `Bearer ${ownerToken}` },
      payload: { sharingLevel: 'owner_agency', agencyIds: [], teamIds: [], userIds: [], hiddenFromSearch: false, expectedVersion: 1 },
    });
    expect(res.statusCode).toBe(200);
    for (const entry of caches) {
      expect((await pullInto(entry)).removals).toBeGreaterThan(0);
      const { cache, db } = entry;
      // Checked after each cache's own pull: the encrypted cache (first) holds the downloaded file, and its pull must delete it.
      expect(filesUnder(documentsDir(dir))).toEqual([]);
      expect(await db.selectFrom('documents').select('id').execute()).toEqual([]);
      expect(await db.selectFrom('cases').select('id').execute()).toEqual([{ id: keptCaseId }]);
      expect(await db.selectFrom('case_subjects').select('id').execute()).toEqual([]);
      expect(await db.selectFrom('reports').select('id').execute()).toEqual([]);
      expect(await db.selectFrom('persons').select('id').execute()).toEqual([]);
      expect(await db.selectFrom('locations').select('id').execute()).toEqual([{ id: keptLocationId }]);
      expect(await db.selectFrom('case_locations').select('location_id').execute()).toEqual([{ location_id: keptLocationId }]);
      expect(await db.selectFrom('markers').select('id').execute()).toEqual([]);
      for (const term of ['thistlewaite', 'cuckooing']) {
        expect(await ftsRowids(db, 'case_fts', term)).toEqual([]);
      }
      expect(await ftsRowids(db, 'report_fts', 'ravensworth OR informant')).toEqual([]);
      expect(await ftsRowids(db, 'person_fts', 'evadne OR scrimgeour OR marchpane OR eva')).toEqual([]);
      expect((await cache.searchPersons('scrim')).hits).toEqual([]);
      // The trigram indexes: nothing found by substring, and no trigram of the removed text left in the index's shadow tables.
      expect((await cache.queue({ filter: 'istlewaite', limit: 10, offset: 0 })).total).toBe(0);
      expect(await trigramRowids(db, 'case_trigram', '"thistle" OR "mansions" OR "cuckooing"')).toEqual([]);
      expect(await trigramRowids(db, 'person_trigram', '"evadne" OR "scrimgeour" OR "marchpane" OR "eva "')).toEqual([]);
      const kept = (await db.selectFrom('cases').select(['reference', 'title']).execute()).flatMap((c) => [...trigrams(c.reference), ...trigrams(c.title)]);
      const secretOnly = trigrams(SECRET.title).filter((t) => !kept.includes(t));
      expect(secretOnly.length).toBeGreaterThan(10);
      expect((await trigramTerms(db, 'case_trigram')).filter((t) => secretOnly.includes(t))).toEqual([]);
      expect(await trigramTerms(db, 'person_trigram')).toEqual([]);
      expect(await trigramIndexIsFresh(db, 'case_trigram', 'reference, title', 'reference, title', 'cases')).toBe(true);
      expect(await sql<{ n: number }>`SELECT count(*) AS n FROM person_trigram_data WHERE id > 10`.execute(db)).toEqual({ rows: [{ n: 0 }] });
      expect((await cache.searchCases('graffiti')).hits.map((h) => h.id)).toEqual([keptCaseId]);
    }
    // Both files and their WALs, encrypted and plain: the plain one shows the deletion is physical, not just hidden by encryption.
    expect(filesUnder(dir).length).toBeGreaterThanOrEqual(2);
    expect(findInFiles(filesUnder(dir), NEEDLES)).toEqual([]);
  });
});
