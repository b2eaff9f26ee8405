/**
 * When who-may-see-a-case changed, its parts follow: a user who gained the case gets its parts
 * (logged long before their cursor), and a user whose agency became involved with its people or
 * places gets their staff-safety markers even without the case. Losses are not decided here: the change kept who could see
 * the case's parts before it (see prior-removals.ts).
 */
import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import type { PolicyUser } from '../../domain/policy/policy-user.ts';
import type { ChangeGroup } from './change-groups.ts';
import { caseParts, locationMarkers, personMarkers, reportDocuments, type Part } from './case-parts.ts';
import { loadVisible, type Resolution } from './resolve-groups.ts';

/** Adds the parts of cases (and reports) whose access changed to the resolution, in place. */
export async function expandAccessChanges(
  db: Kysely<ServerDatabase>, user: PolicyUser, at: string, groups: readonly ChangeGroup[], result: Resolution,
): Promise<void> {
  const seqOf = new Map(groups.filter((g) => g.removable).map((g) => [`${g.entity}:${g.id}`, g.seq]));
  // Every case whose access changed, seen now or not: staff-safety markers reach each agency involved
  // with the case's people and places even when the user cannot see the case (loadVisible decides).
  const gainedCases = groups.filter((g) => g.removable && g.entity === 'case').map((g) => g.id);
  const gainedReports = result.changes.filter((c) => c.entity === 'report' && seqOf.has(`report:${c.data.id}`)).map((c) => c.data.id);
  const seqFor = (entity: 'case' | 'report', id: string) => seqOf.get(`${entity}:${id}`) ?? 0;

  // A person logged before the cursor becomes visible when they become a subject of a visible case.
  const subjectPersons = result.changes.flatMap((c): Part[] => (c.entity === 'case_subject' ? [{ entity: 'person', id: c.data.personId, seq: c.seq }] : []));
  // Likewise a location, when it is linked to a visible case.
  const linkedLocations = result.changes.flatMap((c): Part[] => (c.entity === 'case_location' ? [{ entity: 'location', id: c.data.locationId, seq: c.seq }] : []));
  const gained: Part[] = [
    ...(await caseParts(db, gainedCases, true)).map((p) => ({ ...p, seq: seqFor('case', p.caseId) })),
    ...(await reportDocuments(db, gainedReports)).map((p) => ({ ...p, seq: seqFor('report', p.reportId) })),
    ...subjectPersons,
    ...linkedLocations,
  ];
  // Markers on a person the user gains (through a case, a subject or a grant) were logged long before too.
  // A person or place whose audience changed may open its markers even to a user who cannot see it (staff safety).
  const accessChanged = (entity: 'person' | 'location') => groups.filter((g) => g.removable && g.entity === entity).map((g) => ({ id: g.id, seq: g.seq }));
  const gainedPersons = [...gained.filter((p) => p.entity === 'person'), ...accessChanged('person')];
  // And markers on a location the user gains (through a case or a link).
  const gainedLocations = [...gained.filter((p) => p.entity === 'location'), ...accessChanged('location')];
  gained.push(...(await personMarkers(db, gainedPersons)), ...(await locationMarkers(db, gainedLocations)));
  const known = new Set([...result.changes.map((c) => `${c.entity}:${c.data.id}`), ...result.removals.map((r) => `${r.entity}:${r.id}`)]);
  const visible = await loadVisible(db, user, at, gained);
  for (const part of gained) {
    const key = `${part.entity}:${part.id}`;
    const record = visible.get(key);
    if (record && !known.has(key)) {
      known.add(key);
      result.changes.push({ ...record, seq: part.seq });
    }
  }
}
