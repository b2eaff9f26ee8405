import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CacheDatabase } from '../../db/cache/schema.ts';
import type { CaseAbilities } from '../../domain/policy/case-policy.ts';
import { newId } from '../../domain/ids.ts';
import { CASE_DETAIL_REPORTS, queryCaseDetail } from '../../main/cache/case-detail-query.ts';
import type { SyncedCache } from '../../main/sync/synced-cache.ts';
import {
  openTestCache, page, syncCase, syncCaseLocation, syncDocument, syncLocation, syncMarker, syncPerson, syncReport, syncSubject, syncTask,
} from './cache-test-kit.ts';

const ALL: CaseAbilities = { read: true, update: true, share: false, close: true, transfer: false, add_report: true, add_task: true, add_document: true, link: true };

describe('the case screen read from the encrypted cache', () => {
  let dir: string;
  let cache: SyncedCache;
  let db: Kysely<CacheDatabase>;
  const council = { id: newId(), name: 'Riverton Council', kind: 'council' as const, code: 'RCC' };
  const police = { id: newId(), name: 'Northshire Police', kind: 'police' as const, code: 'NSP' };
  const theCase = { ...syncCase({ ownerAgencyId: council.id, title: 'Cuckooing at Wrenfield Parade', riskLevel: 'high', version: 4 }), abilities: ALL };
  const otherCase = syncCase({ ownerAgencyId: police.id });
  const victim = syncPerson({ givenName: 'Ottoline', familyName: 'Featherstonehaugh' });
  const unseen = newId(); // a subject whose person record this user does not hold
  const caseWarning = { ...syncMarker('case', theCase.id), description: 'Dog on premises', ownerAgencyId: police.id };
  const personWarning = { ...syncMarker('person', victim.id), markerType: 'vulnerability' as const, description: 'Hearing impaired' };
  const home = syncLocation({ addressLine: '12 Wrenfield Parade', town: 'Riverton', postcode: 'RV1 2AB' });
  const otherPlace = syncLocation({ addressLine: '3 Elsewhere Road' });
  const placeWarning = { ...syncMarker('location', home.id), markerType: 'weapons' as const, description: 'Knife found at the address' };
  const placeElsewhere = { ...syncMarker('location', otherPlace.id), description: 'Warning at a place of another case' };
  const futureExpiry = { ...syncMarker('case', theCase.id), description: 'Expires next year', expiresAt: '2099-01-01T00:00:00.000Z' };
  const expired = { ...syncMarker('case', theCase.id), description: 'Old warning', expiresAt: '2020-01-01T00:00:00.000Z' };
  const elsewhere = { ...syncMarker('case', otherCase.id), description: 'Warning on another case' };
  const overdueTask = syncTask(theCase.id, { title: 'Visit tenant', dueDate: '2020-02-01', assigneeAgencyId: police.id });
  const laterTask = syncTask(theCase.id, { title: 'Write to landlord', dueDate: '2099-02-01', status: 'in_progress', assigneeAgencyId: council.id });
  const doneTask = syncTask(theCase.id, { title: 'Done already', status: 'done' });
  const longBody = `Spoke with the tenant at the door. ${'Further detail. '.repeat(100)}`;
  const report = syncReport(theCase.id, { title: 'Door-step visit', body: longBody, authorAgencyId: police.id, createdAt: '2026-11-02T09:00:00.000Z' });
  const olderDocument = { ...syncDocument(theCase.id), fileName: 'Tenancy agreement.pdf', sizeBytes: 2048, createdAt: '2026-10-01T09:00:00.000Z' };
  const newerDocument = {
    ...syncDocument(theCase.id, report.id), fileName: 'Door photo.png', contentType: 'image/png', createdAt: '2026-11-02T09:05:00.000Z',
    abilities: { download: true, delete: true },
  };
  const otherDocument = { ...syncDocument(otherCase.id), fileName: 'Not this case.pdf' };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cb-cache-detail-'));
    ({ cache, db } = await openTestCache(dir));
    const older = Array.from({ length: CASE_DETAIL_REPORTS }, (_, i) =>
      syncReport(theCase.id, { title: `Older ${i}`, createdAt: `2026-10-${String((i % 28) + 1).padStart(2, '0')}T09:00:00.000Z` }));
    await cache.applyPullPage(page([
      { entity: 'agency', data: council }, { entity: 'agency', data: police },
      { entity: 'case', data: theCase }, { entity: 'case', data: otherCase },
      { entity: 'person', data: victim },
      { entity: 'case_subject', data: syncSubject(theCase.id, victim.id) },
      { entity: 'case_subject', data: syncSubject(theCase.id, unseen) },
      { entity: 'location', data: home }, { entity: 'location', data: otherPlace },
      { entity: 'case_location', data: syncCaseLocation(theCase.id, home.id) },
      { entity: 'case_location', data: syncCaseLocation(otherCase.id, otherPlace.id) },
      ...[caseWarning, personWarning, placeWarning, placeElsewhere, futureExpiry, expired, elsewhere].map((data) => ({ entity: 'marker' as const, data })),
      ...[overdueTask, laterTask, doneTask].map((data) => ({ entity: 'task' as const, data })),
      { entity: 'report', data: report },
      ...older.map((data) => ({ entity: 'report' as const, data })),
      ...[olderDocument, newerDocument, otherDocument].map((data) => ({ entity: 'document' as const, data })),
    ]));
  });
  afterAll(async () => {
    await cache.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers the case fields with its version, its abilities and the owner agency name', async () => {
    const detail = await cache.caseDetail(theCase.id);
    expect(detail.case).toEqual({
      id: theCase.id, reference: theCase.reference, title: 'Cuckooing at Wrenfield Parade', caseType: 'asb', status: 'open', closureReason: null,
      riskLevel: 'high', reviewDate: null, ownerAgencyName: 'Riverton Council', sharingLevel: 'owner_agency',
      createdAt: theCase.createdAt, updatedAt: theCase.updatedAt, version: 4, abilities: ALL,
    });
  });

  it('names the subjects it holds the person of, and leaves the others unnamed', async () => {
    const { subjects } = await cache.caseDetail(theCase.id);
    expect(subjects.map((s) => [s.personId, s.displayName])).toEqual(expect.arrayContaining([
      [victim.id, 'Ottoline Featherstonehaugh'], [unseen, null],
    ]));
    expect(subjects).toHaveLength(2);
  });

  it('shows the warnings on the case, its people and its places that have not expired, staff safety first, and no others', async () => {
    const { markers } = await cache.caseDetail(theCase.id);
    expect(markers.map((m) => m.description)).toEqual(expect.arrayContaining([
      'Dog on premises', 'Expires next year', 'Hearing impaired', 'Knife found at the address',
    ]));
    expect(markers).toHaveLength(4);
    expect(markers.slice(0, 2).map((m) => m.markerType)).toEqual(['staff_safety', 'staff_safety']);
    expect(markers.find((m) => m.description === 'Hearing impaired')).toMatchObject({ subjectType: 'person', subjectName: 'Ottoline Featherstonehaugh' });
    expect(markers.find((m) => m.description === 'Knife found at the address'))
      .toMatchObject({ subjectType: 'location', subjectName: '12 Wrenfield Parade, Riverton, RV1 2AB' });
    expect(markers.find((m) => m.description === 'Dog on premises')).toMatchObject({ subjectType: 'case', subjectName: null, ownerAgencyName: 'Northshire Police' });
  });

  it('hides a warning once its expiry passes', async () => {
    const justBefore = await queryCaseDetail(db, theCase.id, new Date('2098-12-31T23:59:59.000Z'));
    const justAfter = await queryCaseDetail(db, theCase.id, new Date('2099-01-01T00:00:00.000Z'));
    expect(justBefore.markers.map((m) => m.description)).toContain('Expires next year');
    expect(justAfter.markers.map((m) => m.description)).not.toContain('Expires next year');
    expect(justAfter.markers.map((m) => m.description)).toEqual(expect.arrayContaining(['Dog on premises', 'Hearing impaired', 'Knife found at the address']));
  });

  it('lists only open and in-progress tasks, soonest due first, with overdue derived', async () => {
    const { openTasks } = await cache.caseDetail(theCase.id);
    expect(openTasks).toEqual([
      { id: overdueTask.id, title: 'Visit tenant', status: 'open', dueDate: '2020-02-01', overdue: true, assigneeAgencyName: 'Northshire Police' },
      { id: laterTask.id, title: 'Write to landlord', status: 'in_progress', dueDate: '2099-02-01', overdue: false, assigneeAgencyName: 'Riverton Council' },
    ]);
  });

  it('lists the newest reports with a short summary, and counts them all', async () => {
    const { reports, reportCount } = await cache.caseDetail(theCase.id);
    expect(reportCount).toBe(CASE_DETAIL_REPORTS + 1);
    expect(reports).toHaveLength(CASE_DETAIL_REPORTS);
    expect(reports[0]).toMatchObject({ id: report.id, title: 'Door-step visit', authorAgencyName: 'Northshire Police' });
    expect(reports[0]!.summary.startsWith('Spoke with the tenant at the door. Further detail.')).toBe(true);
    expect(reports[0]!.summary.endsWith('…')).toBe(true);
    expect(reports[0]!.summary.length).toBeLessThanOrEqual(241);
  });

  it('lists the documents of the case and of its reports, newest first, and none of another case; deletable only where the server said so', async () => {
    const { documents } = await cache.caseDetail(theCase.id);
    expect(documents).toEqual([
      { id: newerDocument.id, fileName: 'Door photo.png', contentType: 'image/png', sizeBytes: 10, createdAt: '2026-11-02T09:05:00.000Z', deletable: true, waitingToSync: false },
      { id: olderDocument.id, fileName: 'Tenancy agreement.pdf', contentType: 'application/pdf', sizeBytes: 2048, createdAt: '2026-10-01T09:00:00.000Z', deletable: false, waitingToSync: false },
    ]);
  });

  it('shows my change at once and counts it as waiting to be sent', async () => {
    const actor = { userId: newId(), agencyId: council.id, teamId: null };
    await cache.outbox.enqueue({ name: 'case.update', args: { caseId: theCase.id, riskLevel: 'very_high' } }, actor);
    await cache.outbox.enqueue({ name: 'task.update', args: { taskId: overdueTask.id, status: 'in_progress' } }, actor);
    await cache.outbox.enqueue({ name: 'case.update', args: { caseId: otherCase.id, title: 'Not this case' } }, actor);
    const detail = await cache.caseDetail(theCase.id);
    expect(detail.case).toMatchObject({ riskLevel: 'very_high', version: 4 });
    expect(detail.localChanges).toEqual({ pending: 2, rejected: 0, conflicts: 0 });
    expect(detail.openTasks.find((t) => t.id === overdueTask.id)?.status).toBe('in_progress');
  });

  it('answers a typed not_found for a case the cache does not hold', async () => {
    await expect(cache.caseDetail(newId())).rejects.toMatchObject({ code: 'not_found' });
  });
});
