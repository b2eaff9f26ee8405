/**
 * Erasure at the end of retention (docs/audit.md, "Retention and erasure"), through the real API on a
 * real database: the case's content leaves every table (and, on SQLite, the file's raw bytes and its
 * WAL) and the blob store; a person or place also on another case stays; only a tombstone remains.
 * The audit trail keeps its events, but not the update values, search terms or justifications that
 * named what went; searches for other people keep their terms, and the log still verifies. An audit
 * export whose reason names the person loses its reason and the server's copy of its files; another keeps both.
 */
import { existsSync, readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PullResponseSchema } from '../../domain/http/sync-schemas.ts';
import type { AuditExportJob, AuditExportManifest } from '../../domain/audit/audit-export.ts';
import { exportPaths } from '../../server/audit-exports/export-files.ts';
import { blobRoot } from '../../server/documents/blob-store.ts';
import { recordChange } from '../../server/changes/record-change.ts';
import { withWrite } from '../../server/db/write.ts';
import { signIn } from '../support/case-factories.ts';
import { uploadDocument } from '../support/document-upload.ts';
import { buildAgency, buildCase, buildTeam, buildUser } from '../support/factories.ts';
import { addSubject, buildPerson } from '../support/person-factories.ts';
import { filesUnder, findInFiles } from '../support/raw-bytes.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const SECRET = {
  title: 'Cuckooing at Quillerbrook Terrace', given: 'Ottoline', family: 'Vandersnatch', alias: 'Jabberwold',
  body: 'Informant described the Gallowmere stairwell', task: 'Visit Vandersnatch at Quillerbrook', update: 'Neighbour at Gallowmere heard shouting',
  address: 'Flat 7, Bramblehythe Court', postcode: 'BQ7 7ZX', marker: 'Dog kept at Bramblehythe',
  renamed: 'Cuckooing at Quillerbrook Terrace and Nettlesham Yard', movedTo: 'Flat 8, Bramblehythe Court',
};
const NEEDLES = [...Object.values(SECRET), 'Quillerbrook', 'Vandersnatch', 'Jabberwold', 'Gallowmere', 'Bramblehythe', 'Ottoline', 'Nettlesham'];
const DOCUMENT = Buffer.from(`Safety plan for ${SECRET.given} ${SECRET.family} at ${SECRET.address}. ${SECRET.marker}.\n`);
const REASON = 'Retention period ended; review found no reason to keep';
const BIRTH = '1988-04-12';
const GLASS = `Checking what ${SECRET.family} was told before the retention review`;
/** Export reasons: one names the person (its PDF's title page and manifest hold it), one does not. */
const EXPORT_NAMING = `Subject access request from ${SECRET.given} ${SECRET.family}, 2026/131`;
const EXPORT_KEPT = 'Quarterly audit of erasure refusals, Q4 2026';

/** Content tables an erasure may touch, with their row counts. */
const CONTENT_TABLES = [
  'cases', 'reports', 'report_versions', 'documents', 'tasks', 'task_updates', 'markers', 'case_subjects', 'case_locations', 'persons',
  'person_aliases', 'locations', 'case_shared_agencies', 'legal_holds', 'retention_reviews', 'erasure_tombstones',
] as const;

describe.each(testDialects())('erasing a case at the end of its retention on %s', (dialect) => {
  let server: TestServer;
  let clock = new Date('2019-06-03T10:00:00.000Z');
  const ids = { case: '', reference: '', keptCase: '', person: '', keptPerson: '', location: '', marker: '', document: '', report: '', task: '' };
  const exportsMade = { naming: '', kept: '' };
  const tokens = { officer: '', owner: '', partner: '', practitioner: '' };
  const none = { id: '', username: '', password: '' };
  const users = { officer: none, owner: none, partner: none, practitioner: none };
  let partnerCursor = '0';

  const as = async (who: keyof typeof tokens, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    server.app.inject({ method, url, headers: { authorization: `Bearer ${tokens[who]}` }, ...(payload ? { payload } : {}) });
  const counts = async () => Object.fromEntries(await Promise.all(CONTENT_TABLES.map(async (t) =>
    [t, Number((await server.db.selectFrom(t).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)] as const)));
  const pullPartner = async () => {
    const removals: Array<{ entity: string; id: string }> = [];
    for (;;) {
      const res = await as('partner', 'GET', `/sync/pull?limit=500&cursor=${partnerCursor}`);
      const page = PullResponseSchema.parse(res.json());
      removals.push(...page.removals);
      partnerCursor = page.cursor;
      if (!page.hasMore) {
        return removals;
      }
    }
  };
  const signInAll = async () => {
    for (const who of Object.keys(tokens) as Array<keyof typeof tokens>) {
      tokens[who] = await signIn(server, users[who].username, users[who].password);
    }
  };

  beforeAll(async () => {
    server = await startTestServer(dialect, { now: () => clock });
    const police = await buildAgency(server.db, { kind: 'police', name: 'Police' });
    const council = await buildAgency(server.db, { name: 'Council' });
    const team = await buildTeam(server.db, police);
    Object.assign(users, {
      officer: await buildUser(server.db, { agencyId: police, role: 'data_officer' }),
      owner: await buildUser(server.db, { agencyId: police, role: 'team_manager', teamIds: [team] }),
      practitioner: await buildUser(server.db, { agencyId: police, teamIds: [team] }),
      partner: await buildUser(server.db, { agencyId: council }),
    });
    await signInAll();
    const secret = await buildCase(server.db, { ownerAgencyId: police, title: SECRET.title, sharingLevel: 'shared', sharedAgencyIds: [council], ownerTeamId: team });
    ids.case = secret.id;
    ids.reference = secret.reference;
    ids.keptCase = (await buildCase(server.db, { ownerAgencyId: police, title: 'Still open graffiti case', sharingLevel: 'shared', sharedAgencyIds: [council] })).id;
    ids.person = await buildPerson(server.db, {
      ownerAgencyId: police, givenName: SECRET.given, familyName: SECRET.family, dateOfBirth: BIRTH, aliases: [{ givenName: 'Otto', familyName: SECRET.alias }],
    });
    ids.keptPerson = await buildPerson(server.db, { ownerAgencyId: police, givenName: 'Keeper', familyName: 'Onbothcases' });
    const subjects = [
      [ids.case, await addSubject(server.db, ids.case, ids.person, 'victim')], [ids.case, await addSubject(server.db, ids.case, ids.keptPerson, 'witness')],
      [ids.keptCase, await addSubject(server.db, ids.keptCase, ids.keptPerson, 'witness')],
    ] as const;
    await withWrite(server.ctx, async (trx) => {
      for (const [caseId, subjectId] of subjects) {
        await recordChange(trx, { entity: 'case_subject', entityId: subjectId, op: 'upsert', caseId, at: clock.toISOString() });
      }
    });
    const post = async (url: string, payload: object) => {
      const res = await as('owner', 'POST', url, payload);
      expect(res.statusCode, res.body).toBeLessThan(300);
      return res.json<{ id: string }>().id;
    };
    ids.location = await post('/locations', { addressLine: SECRET.address, town: 'Orrisbridge', postcode: SECRET.postcode });
    await post(`/cases/${ids.case}/locations`, { locationId: ids.location, description: 'Victim home' });
    ids.report = await post(`/cases/${ids.case}/reports`, { kind: 'research', title: 'Police research', body: SECRET.body });
    ids.task = await post(`/cases/${ids.case}/tasks`, { title: SECRET.task, assigneeAgencyId: police, assigneeTeamId: team });
    await post(`/tasks/${ids.task}/updates`, { body: SECRET.update });
    ids.marker = await post('/markers', { subjectType: 'location', subjectId: ids.location, markerType: 'violence', description: SECRET.marker, reviewDate: '2019-12-01' });
    ids.document = (await uploadDocument(server, tokens.owner, ids.case, { name: 'safety plan.txt', type: 'text/plain', content: DOCUMENT })).id;
    expect((await pullPartner()).length).toBe(0);
    // The partner's copy now holds the case's parts, so the erasure must take each of them off it.
    // Updates record old → new values in the audit trail: the erasure must take those too.
    const renamed = await as('owner', 'PATCH', `/cases/${ids.case}`, { title: SECRET.renamed });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const moved = await as('owner', 'PATCH', `/locations/${ids.location}`, { expectedVersion: 1, addressLine: SECRET.movedTo });
    expect(moved.statusCode, moved.body).toBe(200);
    // Searches keep their terms apart from the hashed events: those naming what goes must go with it.
    for (const url of [`/persons/search?q=${SECRET.family}`, `/persons/search?q=otto%20${SECRET.alias.toLowerCase()}`, `/cases?q=${ids.reference}`,
      `/locations/search?q=${encodeURIComponent(SECRET.postcode)}`, '/persons/search?q=Onbothcases']) {
      expect((await as('owner', 'GET', url)).statusCode, url).toBe(200);
    }
    const check = await as('owner', 'POST', '/persons/match', { givenName: SECRET.given, familyName: 'Vandersnach', dateOfBirth: BIRTH });
    expect(check.statusCode, check.body).toBe(200);
    // Closed in June 2019 through the API, which stamps the closure time; the asb rule is 6 years.
    const closed = await as('owner', 'PATCH', `/cases/${ids.case}`, { status: 'closed', closureReason: 'no_further_action', expectedVersion: 2 });
    expect(closed.statusCode, closed.body).toBe(200);
    clock = new Date('2026-11-02T09:00:00.000Z');
    await signInAll();
  });
  afterAll(() => server.stop());

  /** Starts the data officer's export and polls it until it is no longer running. */
  const runExport = async (body: object): Promise<AuditExportJob> => {
    const created = await as('officer', 'POST', '/audit/exports', body);
    expect(created.statusCode, created.body).toBe(200);
    let job = created.json<AuditExportJob>();
    for (let i = 0; i < 1000 && job.status === 'running'; i += 1) {
      await new Promise((r) => setTimeout(r, 20));
      job = (await as('officer', 'GET', `/audit/exports/${job.id}`)).json<AuditExportJob>();
    }
    return job;
  };
  const exportJustifications = async () => (await as('officer', 'GET', `/audit/events?action=export.create&userId=${users.officer.id}`))
    .json<{ events: Array<{ entityId: string; justification: string | null }> }>().events;

  /** The terms of the owner's searches as the data officer's audit search shows them. */
  const searchTerms = async () => {
    const res = await as('officer', 'GET', `/audit/events?action=record.search&userId=${users.owner.id}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ events: Array<{ details: { terms?: unknown } }> }>().events.map((e) => e.details.terms);
  };

  it('stamps the closure time, and lists the case as due six years later for the owning agency\'s data officer only', async () => {
    expect(await server.db.selectFrom('cases').select('closed_at').where('id', '=', ids.case).executeTakeFirst()).toEqual({ closed_at: '2019-06-03T10:00:00.000Z' });
    const list = await as('officer', 'GET', '/retention/reviews');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json<{ items: unknown[] }>().items).toEqual([expect.objectContaining({ caseId: ids.case, reference: ids.reference, dueOn: '2025-06-03', latestDecision: null, holds: [] })]);
    expect(list.body).not.toContain(SECRET.title);
    expect((await as('officer', 'GET', '/retention/reviews?dueBy=2025-06-02')).json()).toEqual({ items: [] });
    expect((await as('owner', 'GET', '/retention/reviews')).statusCode).toBe(403);
    // Before erasure the data officer's audit search shows the update's old → new title.
    const updates = (await as('officer', 'GET', `/audit/events?caseId=${ids.case}&action=record.update`)).json<{ events: Array<{ details: unknown }> }>().events;
    expect(updates.map((e) => e.details)).toContainEqual({ changes: { title: [SECRET.title, SECRET.renamed] } });
    // And the searches' terms, kept apart from the hashed events (which hold commitments).
    const terms = await searchTerms();
    expect(terms).toEqual(expect.arrayContaining([
      { q: SECRET.family, dateOfBirth: null }, { q: ids.reference },
      { q: SECRET.postcode }, { q: 'Onbothcases', dateOfBirth: null },
      expect.objectContaining({ givenName: SECRET.given, familyName: 'Vandersnach', dateOfBirth: BIRTH }),
    ]));
    expect(terms).toHaveLength(6);
    const raw = await server.db.selectFrom('audit_events').select('details').where('action', '=', 'record.search').where('user_id', '=', users.owner.id).execute();
    expect(raw.map((r) => (JSON.parse(r.details) as { terms: unknown }).terms)).toEqual(Array.from({ length: 6 }, (): unknown => expect.stringMatching(/^sha256:[0-9a-f]{64}$/)));
    // A break-glass justification quoting the person is kept apart too, and shown while kept.
    expect((await as('officer', 'POST', `/audit/break-glass/cases/${ids.case}`, { justification: GLASS })).statusCode).toBe(200);
    const glass = (await as('officer', 'GET', `/audit/events?caseId=${ids.case}&action=record.break_glass_view`)).json<{ events: Array<{ justification: string | null }> }>().events;
    expect(glass.map((e) => e.justification)).toEqual([GLASS]);
    expect(await server.db.selectFrom('audit_events').select('justification').where('action', '=', 'record.break_glass_view').execute())
      .toEqual([{ justification: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) as string }]);
    if (dialect === 'sqlite') {
      // The control: before erasure the raw-bytes scan sees the content (database or WAL, and the blob).
      expect(findInFiles(filesUnder(server.database.dataDir), NEEDLES)).toEqual(expect.arrayContaining([SECRET.address, SECRET.body, SECRET.update, SECRET.alias]));
    }
  });

  it('a legal hold blocks erasure with a typed error and changes nothing; the refusal is audited', async () => {
    expect((await as('officer', 'POST', `/retention/cases/${ids.case}/decisions`, { decision: 'erase', reason: REASON })).statusCode).toBe(200);
    const hold = await as('officer', 'POST', `/retention/cases/${ids.case}/holds`, { reason: 'Civil claim 2026/77 pending: keep everything' });
    expect(hold.statusCode, hold.body).toBe(200);
    const before = await counts();
    const blobs = filesUnder(blobRoot(server.database.dataDir));
    const refused = await as('officer', 'POST', `/retention/cases/${ids.case}/erase`, { confirmReference: ids.reference, reason: REASON });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ error: { code: 'legal_hold' } });
    expect(await counts()).toEqual(before);
    expect(filesUnder(blobRoot(server.database.dataDir))).toEqual(blobs);
    const denied = await server.db.selectFrom('audit_events').select(['outcome', 'details']).where('action', '=', 'record.erase').execute();
    expect(denied).toEqual([{ outcome: 'denied', details: JSON.stringify({ problem: 'legal_hold' }) }]);
    // Anyone but the owning agency's data officer is refused whatever the hold.
    expect((await as('owner', 'POST', `/retention/cases/${ids.case}/erase`, { confirmReference: ids.reference, reason: REASON })).statusCode).toBe(403);
    expect((await as('officer', 'POST', `/retention/holds/${hold.json<{ id: string }>().id}/release`, {})).statusCode).toBe(200);
    const wrong = await as('officer', 'POST', `/retention/cases/${ids.case}/erase`, { confirmReference: 'TST-WRONG', reason: REASON });
    expect(wrong.statusCode).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it('audit exports made before the erasure hold their reasons in the table, the manifest and the audit search', async () => {
    const naming = await runExport({ filters: { action: 'record.erase' }, format: 'pdf', reason: EXPORT_NAMING });
    const kept = await runExport({ filters: { action: 'record.erase' }, format: 'csv', reason: EXPORT_KEPT });
    expect([naming.status, kept.status]).toEqual(['complete', 'complete']);
    Object.assign(exportsMade, { naming: naming.id, kept: kept.id });
    expect(naming.manifest?.reason).toBe(EXPORT_NAMING);
    expect(existsSync(exportPaths(server.database.dataDir, naming.id, 'pdf').file)).toBe(true);
    expect(await exportJustifications()).toEqual(expect.arrayContaining([
      expect.objectContaining({ entityId: naming.id, justification: EXPORT_NAMING }), expect.objectContaining({ entityId: kept.id, justification: EXPORT_KEPT }),
    ]));
    // The hashed events hold commitments to the reason, as for other written justifications.
    const hashed = await server.db.selectFrom('audit_events').select(['action', 'justification']).where('entity_id', '=', naming.id).execute();
    expect(hashed.map((e) => e.action).sort()).toEqual(['export.create', 'export.finish', 'export.seal']);
    expect(hashed.map((e) => e.justification)).toEqual(Array.from({ length: 3 }, (): unknown => expect.stringMatching(/^sha256:[0-9a-f]{64}$/)));
  });

  it('erasure removes the content from every table and the blob store, keeps what other cases hold, and leaves a tombstone', async () => {
    const blobsBefore = filesUnder(blobRoot(server.database.dataDir));
    expect(blobsBefore).toHaveLength(1);
    const res = await as('officer', 'POST', `/retention/cases/${ids.case}/erase`, { confirmReference: ids.reference, reason: REASON });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      entityType: 'case', entityId: ids.case, caseType: 'asb', rule: 'asb: review 6 years after closure (rule version 1)', closedAt: '2019-06-03T10:00:00.000Z',
      erasedCounts: { cases: 1, reports: 1, documents: 1, tasks: 1, markers: 1, persons: 1, locations: 1, case_subjects: 2, case_locations: 1 },
    });
    const db = server.db;
    expect(await db.selectFrom('cases').select('id').execute()).toEqual([{ id: ids.keptCase }]);
    expect((await db.selectFrom('persons').select('id').execute()).map((p) => p.id)).toEqual([ids.keptPerson]);
    expect(await db.selectFrom('case_subjects').select('case_id').execute()).toEqual([{ case_id: ids.keptCase }]);
    for (const table of ['reports', 'report_versions', 'documents', 'tasks', 'task_updates', 'markers', 'locations', 'case_locations', 'person_aliases', 'retention_reviews', 'legal_holds'] as const) {
      expect(await db.selectFrom(table).selectAll().execute(), table).toEqual([]);
    }
    expect(await db.selectFrom('case_shared_agencies').select('case_id').execute()).toEqual([{ case_id: ids.keptCase }]);
    expect(filesUnder(blobRoot(server.database.dataDir))).toEqual([]);
    expect(await db.selectFrom('erasure_tombstones').select(['entity_type', 'entity_id', 'case_type']).execute()).toEqual([{ entity_type: 'case', entity_id: ids.case, case_type: 'asb' }]);
    // Every text column of every table: none holds the erased words (audit events included).
    const dump = JSON.stringify(await Promise.all((await db.introspection.getTables()).map((t) => sql`SELECT * FROM ${sql.table(t.name)}`.execute(db).then((r) => r.rows))));
    expect([...NEEDLES, GLASS, EXPORT_NAMING].filter((n) => dump.includes(n))).toEqual([]);
    expect(dump).toContain(EXPORT_KEPT);
    // The update events stay, with commitments where the values were (the chain is untouched).
    const updates = (await as('officer', 'GET', `/audit/events?caseId=${ids.case}&action=record.update`)).json<{ events: Array<{ details: unknown }> }>().events;
    const titles = updates.flatMap((e) => Object.entries((e.details as { changes?: Record<string, unknown> }).changes ?? {}).filter(([field]) => field === 'title'));
    expect(titles).toHaveLength(1);
    expect(titles[0]![1]).toMatch(/^sha256:[0-9a-f]{64}$/);
    const event = await db.selectFrom('audit_events').select(['outcome', 'justification', 'category']).where('action', '=', 'record.erase').where('outcome', '=', 'success').execute();
    expect(event).toEqual([{ outcome: 'success', justification: REASON, category: 'erasure' }]);
    // The searches naming the person, the case's reference or its place show their terms as erased;
    // the search for someone who stays keeps its terms.
    const terms = await searchTerms();
    expect(terms).toHaveLength(6);
    expect(terms.filter((t) => typeof t !== 'string')).toEqual([{ q: 'Onbothcases', dateOfBirth: null }]);
    expect(terms.filter((t) => typeof t === 'string')).toEqual(Array.from({ length: 5 }, (): unknown => expect.stringMatching(/^sha256:[0-9a-f]{64}$/)));
    const glass = (await as('officer', 'GET', `/audit/events?caseId=${ids.case}&action=record.break_glass_view`)).json<{ events: Array<{ justification: string | null }> }>().events;
    expect(glass.map((e) => e.justification)).toEqual([expect.stringMatching(/^sha256:[0-9a-f]{64}$/)]);
    // The export whose reason named the person: reason blanked, removed, its files (manifest, PDF, proofs) gone;
    // its events show commitments. The other export keeps its reason, its files and its events' text.
    const exportRows = await db.selectFrom('audit_exports').select(['id', 'reason', 'status']).orderBy('created_at').execute();
    expect(exportRows).toEqual(expect.arrayContaining([
      { id: exportsMade.naming, reason: '(erased)', status: 'removed' }, { id: exportsMade.kept, reason: EXPORT_KEPT, status: 'complete' },
    ]));
    const namingPaths = exportPaths(server.database.dataDir, exportsMade.naming, 'pdf');
    expect([namingPaths.file, namingPaths.manifest, namingPaths.proofs].filter((f) => existsSync(f))).toEqual([]);
    expect((await as('officer', 'GET', `/audit/exports/${exportsMade.naming}/manifest`)).statusCode).toBe(409);
    const keptManifest = await as('officer', 'GET', `/audit/exports/${exportsMade.kept}/manifest`);
    expect(keptManifest.json<AuditExportManifest>().reason).toBe(EXPORT_KEPT);
    const keptPaths = exportPaths(server.database.dataDir, exportsMade.kept, 'csv');
    expect((JSON.parse(readFileSync(keptPaths.manifest, 'utf8')) as AuditExportManifest).reason).toBe(EXPORT_KEPT);
    expect(existsSync(keptPaths.file)).toBe(true);
    const justifications = await exportJustifications();
    expect(justifications).toEqual(expect.arrayContaining([
      expect.objectContaining({ entityId: exportsMade.naming, justification: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) as string }),
      expect.objectContaining({ entityId: exportsMade.kept, justification: EXPORT_KEPT }),
    ]));
    // The events themselves are untouched: the log still verifies, chain, tree and checkpoints.
    const verify = await as('officer', 'GET', '/audit/verify');
    expect(verify.statusCode, verify.body).toBe(200);
    expect(verify.json()).toMatchObject({ ok: true });
  });

  it('the partner who had the case is told to remove it, its person without another case, its place and the marker', async () => {
    const removals = await pullPartner();
    expect(removals).toEqual(expect.arrayContaining([
      { entity: 'case', id: ids.case }, { entity: 'person', id: ids.person }, { entity: 'location', id: ids.location },
      { entity: 'marker', id: ids.marker }, { entity: 'task', id: ids.task },
    ]));
    expect(removals).not.toContainEqual({ entity: 'person', id: ids.keptPerson });
  });

  it.runIf(dialect === 'sqlite')('the SQLite file and its WAL hold no byte of the erased content, and the audit log still verifies', async () => {
    const files = filesUnder(server.database.dataDir);
    expect(files.some((f) => f.endsWith('casebridge.db'))).toBe(true);
    expect(files.some((f) => f.endsWith('.manifest.json'))).toBe(true);
    expect(findInFiles(files, [...NEEDLES, GLASS, EXPORT_NAMING])).toEqual([]);
    const verify = await as('officer', 'GET', '/audit/verify');
    expect(verify.statusCode, verify.body).toBe(200);
    expect(verify.json()).toMatchObject({ ok: true });
  });
});
