/**
 * The work recorded on a seeded case, through the route services: its locations, reports (some
 * restricted to the author's agency or team, some shared with a named agency), tasks across
 * agencies (some overdue), warning markers, and the small documents to upload afterwards.
 */
import type { Transaction } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import type { CreateMarkerBody } from '../../domain/entities/marker.ts';
import type { CreateReportBody } from '../../domain/entities/report.ts';
import { fitsCase, widerThanCase } from '../../domain/policy/within-case.ts';
import type { ReportSharingLevel } from '../../domain/vocabulary.ts';
import type { AuthUser } from '../auth/auth-user.ts';
import { addCaseLocation } from '../cases/case-parts-service.ts';
import { createLocation } from '../locations/location-service.ts';
import { createMarker } from '../markers/marker-service.ts';
import { createReport } from '../reports/report-service.ts';
import { createTask } from '../tasks/task-service.ts';
import { actAs } from './seed-directory.ts';
import { caseTime, dateFromNow, fullName, ukDate, type CasePerson, type World, type WorldCase } from './seed-world.ts';
import { MARKER_TEXTS, reportText, taskText } from './synthetic-case-content.ts';
import { inventPostcode, inventPremises, type InventedAddress } from './synthetic-places.ts';
import { bandedPng, onePagePdf, textNote } from './tiny-files.ts';

type Trx = Transaction<ServerDatabase>;

async function newLocation(trx: Trx, world: World, c: WorldCase, minute: number, address: InventedAddress): Promise<string> {
  return createLocation(trx, actAs(c.actor, caseTime(world, c, minute)), address);
}

/** The main person's home on most cases; an agency hotspot (shared by several of its cases) on some. */
export async function seedCaseLocations(trx: Trx, world: World, c: WorldCase): Promise<void> {
  const random = world.random;
  if (random.chance(0.6)) {
    const id = await newLocation(trx, world, c, 30, { addressLine: c.street, town: c.town, postcode: inventPostcode(random) });
    await addCaseLocation(trx, actAs(c.actor, caseTime(world, c, 31)), c.id, id, `Home address of ${fullName(c.main)}`);
  }
  if (random.chance(0.15)) {
    const hotspots = world.hotspots.get(c.owner.id) ?? [];
    const id = hotspots.length >= 3 ? random.pick(hotspots) : await newLocation(trx, world, c, 32, inventPremises(random, c.town));
    if (!hotspots.includes(id)) {
      world.hotspots.set(c.owner.id, [...hotspots, id]);
    }
    await addCaseLocation(trx, actAs(c.actor, caseTime(world, c, 33)), c.id, id, 'Where the reported incidents happen');
  }
}

/** 1–3 reports: mostly by the owner agency, some by partners on shared cases; most follow the case, some are restricted further. */
export async function seedCaseReports(trx: Trx, world: World, c: WorldCase): Promise<number> {
  const random = world.random;
  const count = random.int(1, 3);
  for (let k = 0; k < count; k += 1) {
    const author = c.partners.length > 0 && random.chance(0.35) ? random.pick(c.partners) : c.actor;
    const at = caseTime(world, c, (k + 1) * random.int(1, 20) * 1440 + random.int(60, 600));
    const text = reportText(random, fullName(c.main), world.directory.agencies.find((a) => a.id === author.agencyId)!.name, ukDate(at));
    await createReport(trx, actAs(author, at), c.id, { ...text, ...reportSharing(world, c, author) });
  }
  return count;
}

function reportSharing(world: World, c: WorldCase, author: AuthUser): Pick<CreateReportBody, 'sharingLevel' | 'agencyIds' | 'teamIds' | 'userIds'> {
  const draw = world.random.next();
  const others = [c.owner.id, ...c.policy.sharedAgencyIds].filter((id) => id !== author.agencyId);
  const level: ReportSharingLevel = draw < 0.62 ? 'case'
    : draw < 0.82 ? 'owner_agency'
      : draw < 0.9 && author.teamIds.length > 0 ? 'owner_team'
        : others.length > 0 ? 'shared' : 'owner_agency';
  // `shared`: the author's agency plus one named agency that can see the case.
  const agencyIds = level === 'shared' ? [world.random.pick(others)] : [];
  // Never wider than the case (the server refuses it): a restriction that would be follows the case instead.
  const owner = { ...author, teamId: author.teamIds[0] ?? null };
  const fits = fitsCase(widerThanCase(c.policy, { level, owner, agencyIds, teamIds: [], userIds: [] }, { teamAgency: () => undefined, user: () => undefined }));
  return fits ? { sharingLevel: level, agencyIds, teamIds: [], userIds: [] } : { sharingLevel: 'case', agencyIds: [], teamIds: [], userIds: [] };
}

/** Tasks on open cases: for the owner team or a partner agency, some already overdue. */
export async function seedCaseTasks(trx: Trx, world: World, c: WorldCase): Promise<number> {
  const random = world.random;
  if (!c.open) {
    return 0;
  }
  const count = random.chance(0.5) ? 0 : random.chance(0.75) ? 1 : 2;
  for (let k = 0; k < count; k += 1) {
    const partnerAgencyId = c.policy.sharedAgencyIds.length > 0 && random.chance(0.4) ? random.pick(c.policy.sharedAgencyIds) : null;
    const agency = world.directory.agencies.find((a) => a.id === (partnerAgencyId ?? c.owner.id))!;
    const teamId = partnerAgencyId === null ? c.policy.ownerTeamId : ([...agency.teamIds.values()][0] ?? null);
    const members = teamId === null ? [] : (world.directory.usersByTeam.get(teamId) ?? []);
    const due = random.next();
    await createTask(trx, actAs(c.actor, caseTime(world, c, 2 * 1440 + k * 60)), c.id, {
      ...taskText(random, fullName(c.main)),
      assigneeAgencyId: agency.id,
      assigneeTeamId: teamId,
      assigneeUserId: members.length > 0 && random.chance(0.6) ? random.pick(members) : null,
      dueDate: due < 0.35 ? dateFromNow(world, -random.int(1, 30)) : due < 0.85 ? dateFromNow(world, random.int(1, 45)) : null,
    });
  }
  return count;
}

/**
 * Warnings: staff safety on staff-safety cases and on some perpetrators or subjects (more often on
 * shared cases, so partners see another agency's warning), vulnerability on some victims; a few
 * have already expired.
 */
export async function seedCaseMarkers(trx: Trx, world: World, c: WorldCase, people: readonly CasePerson[]): Promise<number> {
  const random = world.random;
  let count = 0;
  const place = async (body: Omit<CreateMarkerBody, 'reviewDate' | 'expiresAt'>, minute: number) => {
    const expired = random.chance(0.06);
    await createMarker(trx, actAs(c.actor, caseTime(world, c, minute)), {
      ...body,
      reviewDate: expired ? dateFromNow(world, -random.int(30, 90)) : dateFromNow(world, random.int(20, 180)),
      expiresAt: expired ? new Date(world.now - random.int(1, 20) * 86_400_000).toISOString() : null,
    });
    count += 1;
  };
  if (c.caseType === 'staff_safety') {
    await place({ subjectType: 'case', subjectId: c.id, markerType: 'staff_safety', description: random.pick(MARKER_TEXTS.staff_safety) }, 40);
  }
  const shared = c.policy.sharingLevel === 'shared';
  for (const [k, { person, role, recordedHere }] of people.entries()) {
    // Only the recording agency's own persons: a marker needs the full record, which an attached stub does not give.
    if (!recordedHere) {
      continue;
    }
    if (['perpetrator', 'suspect', 'subject'].includes(role) && random.chance(shared ? 0.35 : 0.1)) {
      await place({ subjectType: 'person', subjectId: person.id, markerType: random.chance(0.8) ? 'staff_safety' : random.pick(['violence', 'weapons'] as const),
        description: random.pick(MARKER_TEXTS.staff_safety) }, 41 + k);
    } else if (role === 'victim' && random.chance(0.12)) {
      await place({ subjectType: 'person', subjectId: person.id, markerType: 'vulnerability', description: random.pick(MARKER_TEXTS.vulnerability) }, 41 + k);
    }
  }
  return count;
}

/** Plans a small document on about one case in eight: a visit note, a letter (PDF) or a photo (PNG). */
export function planCaseDocument(world: World, c: WorldCase): void {
  const random = world.random;
  if (!random.chance(0.12)) {
    return;
  }
  const at = caseTime(world, c, 3 * 1440 + random.int(0, 600));
  const day = ukDate(at).replace(/\//g, '-');
  const name = fullName(c.main);
  const files = [
    () => textNote(`Visit notes ${day}.txt`, [`Visit notes – ${name}`, `Date: ${ukDate(at)}`, 'Seen at the door; no concerns about the children present.', 'Next visit agreed in two weeks.']),
    () => onePagePdf(`Warning letter ${day}.pdf`, `Warning letter to ${name}, dated ${ukDate(at)}.`),
    () => bandedPng(`Photo of front door ${day}.png`, 12, [120, 90, 60], [200, 200, 190]),
  ];
  world.documents.push({ caseId: c.id, uploader: c.actor, at, file: files[world.documents.length % files.length]!() });
}
