/** A person's profile read from the encrypted cache: the record, the cached cases they are on with their role, and the active warnings on them. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CacheDatabase } from '../../db/cache/schema.ts';
import { newId } from '../../domain/ids.ts';
import type { CaseCache } from '../../main/cache/case-cache.ts';
import { queryPersonProfile } from '../../main/cache/person-profile-query.ts';
import { openTestCache, page, syncCase, syncMarker, syncPerson, syncSubject } from './cache-test-kit.ts';

describe("a person's profile read from the encrypted cache", () => {
  let dir: string;
  let cache: CaseCache;
  let db: Kysely<CacheDatabase>;
  const now = new Date('2026-11-20T12:00:00.000Z');
  const council = { id: newId(), name: 'Riverton Council', kind: 'council' as const, code: 'RCC' };
  const police = { id: newId(), name: 'Northshire Police', kind: 'police' as const, code: 'NSP' };
  const person = syncPerson({
    givenName: 'Ottoline', familyName: 'Featherstonehaugh', dateOfBirth: '1988-04-02', gender: 'female',
    aliases: [{ givenName: 'Lina', familyName: 'Fenwright' }],
  });
  const other = syncPerson({ givenName: 'Bertram', familyName: 'Quarrie' });
  const older = syncCase({ ownerAgencyId: council.id, title: 'Noise at Wrenfield Parade', updatedAt: '2026-11-05T09:00:00.000Z' });
  const newer = syncCase({ ownerAgencyId: police.id, title: 'Cuckooing at Wrenfield Parade', caseType: 'domestic_abuse_marac', riskLevel: 'high', updatedAt: '2026-11-10T09:00:00.000Z' });
  const notHers = syncCase({ ownerAgencyId: council.id, title: 'Another matter', updatedAt: '2026-11-15T09:00:00.000Z' });
  const uncachedCase = newId(); // a subject row for a case this user does not hold
  const at = (createdAt: string) => ({ createdAt, updatedAt: createdAt });
  // The staff-safety warning is the older one: it still leads.
  const staffSafety = { ...syncMarker('person', person.id), ...at('2026-10-01T09:00:00.000Z'), description: 'Known to carry a blade', ownerAgencyId: police.id };
  const vulnerability = {
    ...syncMarker('person', person.id), ...at('2026-11-01T09:00:00.000Z'), markerType: 'vulnerability' as const, description: 'Hearing impaired',
    ownerAgencyId: council.id, expiresAt: '2026-12-01T00:00:00.000Z',
  };
  const expired = { ...syncMarker('person', person.id), markerType: 'violence' as const, description: 'Old warning', expiresAt: '2026-01-01T00:00:00.000Z' };
  const onOther = { ...syncMarker('person', other.id), description: 'On someone else' };
  const onCase = { ...syncMarker('case', newer.id), description: 'On the case, not the person' };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cb-cache-profile-'));
    ({ cache, db } = await openTestCache(dir));
    await cache.applyPullPage(page([
      { entity: 'agency', data: council }, { entity: 'agency', data: police },
      ...[older, newer, notHers].map((data) => ({ entity: 'case' as const, data })),
      { entity: 'person', data: person }, { entity: 'person', data: other },
      { entity: 'case_subject', data: { ...syncSubject(older.id, person.id), role: 'victim' } },
      { entity: 'case_subject', data: { ...syncSubject(newer.id, person.id), role: 'perpetrator' } },
      { entity: 'case_subject', data: { ...syncSubject(uncachedCase, person.id), role: 'witness' } },
      { entity: 'case_subject', data: { ...syncSubject(notHers.id, other.id), role: 'suspect' } },
      ...[staffSafety, vulnerability, expired, onOther, onCase].map((data) => ({ entity: 'marker' as const, data })),
    ]));
  });
  afterAll(async () => {
    await cache.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers the person with their aliases', async () => {
    const profile = await cache.personProfile(person.id, now);
    expect(profile.person).toEqual({
      id: person.id, givenName: 'Ottoline', familyName: 'Featherstonehaugh', dateOfBirth: '1988-04-02', estimatedBirthYear: null,
      gender: 'female', aliases: [{ givenName: 'Lina', familyName: 'Fenwright' }],
    });
  });

  it("lists the person's cached cases with their role and owner agency, most recently updated first, and no case the cache lacks", async () => {
    const { cases } = await cache.personProfile(person.id, now);
    expect(cases).toEqual([
      {
        caseId: newer.id, reference: newer.reference, title: 'Cuckooing at Wrenfield Parade', caseType: 'domestic_abuse_marac', status: 'open', riskLevel: 'high',
        ownerAgencyName: 'Northshire Police', role: 'perpetrator', updatedAt: '2026-11-10T09:00:00.000Z',
      },
      {
        caseId: older.id, reference: older.reference, title: 'Noise at Wrenfield Parade', caseType: 'asb', status: 'open', riskLevel: 'medium',
        ownerAgencyName: 'Riverton Council', role: 'victim', updatedAt: '2026-11-05T09:00:00.000Z',
      },
    ]);
  });

  it('shows the warnings on the person that have not expired, staff safety first, named as the case banner names them', async () => {
    const { markers } = await cache.personProfile(person.id, now);
    expect(markers).toEqual([
      {
        id: staffSafety.id, markerType: 'staff_safety', description: 'Known to carry a blade', subjectType: 'person', subjectId: person.id, editable: false,
        subjectName: 'Ottoline Featherstonehaugh', ownerAgencyName: 'Northshire Police', reviewDate: '2027-01-01', expiresAt: null,
      },
      {
        id: vulnerability.id, markerType: 'vulnerability', description: 'Hearing impaired', subjectType: 'person', subjectId: person.id, editable: false,
        subjectName: 'Ottoline Featherstonehaugh', ownerAgencyName: 'Riverton Council', reviewDate: '2027-01-01', expiresAt: '2026-12-01T00:00:00.000Z',
      },
    ]);
  });

  it('hides a warning once its expiry passes', async () => {
    const justBefore = await queryPersonProfile(db, person.id, new Date('2026-11-30T23:59:59.000Z'));
    const justAfter = await queryPersonProfile(db, person.id, new Date('2026-12-01T00:00:00.000Z'));
    expect(justBefore.markers.map((m) => m.description)).toEqual(['Known to carry a blade', 'Hearing impaired']);
    expect(justAfter.markers.map((m) => m.description)).toEqual(['Known to carry a blade']);
  });

  it('answers a person on no cached case with no cases and no warnings', async () => {
    const lone = syncPerson({ givenName: 'Solitaire', familyName: 'Nobody' });
    await cache.applyPullPage(page([{ entity: 'person', data: lone }]));
    expect(await cache.personProfile(lone.id, now)).toMatchObject({ cases: [], markers: [] });
  });

  it('answers a typed not_found for a person the cache does not hold', async () => {
    await expect(cache.personProfile(newId(), now)).rejects.toMatchObject({ code: 'not_found' });
  });
});
