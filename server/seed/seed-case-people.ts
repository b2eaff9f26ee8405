/**
 * Puts people on a seeded case through the same services the routes use (createPerson,
 * addCaseSubject): new persons with aliases, persons already known to another agency (attached
 * from a search stub with a reason when the actor cannot see their record), and now and then a
 * near-duplicate a practitioner created without spotting the existing record.
 */
import type { Transaction } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import type { CreatePersonBody } from '../../domain/entities/person.ts';
import { CONSENT_STATUSES } from '../../domain/entities/person.ts';
import type { DefaultCaseType, SubjectRole } from '../../domain/vocabulary.ts';
import { addCaseSubject } from '../cases/case-parts-service.ts';
import { createPerson } from '../persons/create-person.ts';
import { actAs } from './seed-directory.ts';
import { caseTime, DAY_MS, type CasePerson, type World, type WorldCase, type WorldPerson } from './seed-world.ts';
import { ROLE_PLANS } from './synthetic-case-content.ts';
import { inventFamilyName, inventGivenName, nickname, spellingVariant, type InventedName } from './synthetic-names.ts';

type Trx = Transaction<ServerDatabase>;

/** How the main person of a case comes about. */
export type MainPersonKind = 'new' | 'known_elsewhere' | 'near_duplicate';

/** The main person decided before the case is titled: an existing person to reuse, or a name to record. */
export interface MainPersonPlan {
  kind: MainPersonKind;
  name: InventedName;
  gender: string;
  existing?: WorldPerson;
}

const CHILD_ROLES: readonly SubjectRole[] = ['child'];

/** Decides who the case is about; every 45th case (from the 21st) is a near-duplicate of someone another agency recorded. */
export function planMainPerson(world: World, index: number, ownerAgencyId: string, caseType: DefaultCaseType): MainPersonPlan {
  const random = world.random;
  const elsewhere = world.persons.filter((p) => p.ownerAgencyId !== ownerAgencyId && p.adult && p.searchable);
  if (index % 45 === 20) {
    const original = [...elsewhere].reverse().find((p) => p.dateOfBirth !== null);
    if (original) {
      const name = random.chance(0.5)
        ? { givenName: original.name.givenName, familyName: spellingVariant(random, original.name.familyName) }
        : { givenName: spellingVariant(random, original.name.givenName), familyName: original.name.familyName };
      return { kind: 'near_duplicate', name, gender: original.gender, existing: original };
    }
  }
  if (elsewhere.length > 0 && random.chance(0.13)) {
    const existing = random.pick(elsewhere);
    return { kind: 'known_elsewhere', name: existing.name, gender: existing.gender, existing };
  }
  // Most victims referred for domestic abuse are women; elsewhere either.
  const gender = random.chance(caseType === 'domestic_abuse_marac' ? 0.85 : 0.5) ? 'female' : 'male';
  return { kind: 'new', name: { givenName: inventGivenName(random, gender), familyName: inventFamilyName(random) }, gender };
}

/** Records the case's people: the planned main person, then 0–2 others in the roles the case type has. */
export async function seedCasePeople(trx: Trx, world: World, c: WorldCase, plan: MainPersonPlan): Promise<CasePerson[]> {
  const random = world.random;
  const roles = ROLE_PLANS[c.caseType];
  const people: CasePerson[] = [];
  let minute = 10;
  const add = async (person: WorldPerson, role: SubjectRole, recordedHere: boolean, reason?: string) => {
    await addCaseSubject(trx, actAs(c.actor, caseTime(world, c, minute)), c.id, person.id, role, reason);
    minute += 3;
    person.searchable ||= !c.hiddenFromSearch;
    people.push({ person, role, recordedHere });
  };
  if (plan.kind === 'known_elsewhere' && plan.existing) {
    // Same person another agency already holds; if the actor sees only a stub, the attach needs a reason.
    await add(plan.existing, roles.main, false, 'Same person as the record held by a partner agency: name and date of birth agree.');
  } else {
    const person = await recordPerson(trx, world, c, minute, plan.name, plan.gender, roles.main, plan.existing?.dateOfBirth ?? null);
    minute += 2;
    await add(person, roles.main, true);
  }
  const others = random.chance(0.55) ? 0 : random.chance(0.87) ? 1 : 2;
  for (let k = 0; k < others; k += 1) {
    const role = roles.others[k % roles.others.length]!;
    const gender = random.chance(0.03) ? 'non_binary' : random.chance(0.5) ? 'female' : 'male';
    const family = role === 'child' || role === 'family_member' ? plan.name.familyName : inventFamilyName(random);
    const person = await recordPerson(trx, world, c, minute, { givenName: inventGivenName(random, gender), familyName: family }, gender, role, null);
    minute += 2;
    await add(person, role, true);
  }
  return people;
}

/** Creates a person as the case's actor: birth date (or only a year), aliases now and then, a police nominal id for police subjects. */
async function recordPerson(
  trx: Trx, world: World, c: WorldCase, minute: number, name: InventedName, gender: string, role: SubjectRole, sameBirthAs: string | null,
): Promise<WorldPerson> {
  const random = world.random;
  const at = caseTime(world, c, minute);
  const child = CHILD_ROLES.includes(role);
  const age = child ? random.int(1, 15) : random.int(18, 78);
  const born = new Date(at.getTime() - (age * 365 + random.int(10, 350)) * DAY_MS);
  const yearOnly = sameBirthAs === null && !child && random.chance(0.12);
  const dateOfBirth = sameBirthAs ?? (yearOnly ? null : born.toISOString().slice(0, 10));
  const aliases: InventedName[] = [];
  if (random.chance(0.32)) {
    const pick = random.int(0, 2);
    aliases.push(pick === 0 ? { givenName: nickname(random, name.givenName), familyName: name.familyName }
      : pick === 1 ? { givenName: name.givenName, familyName: inventFamilyName(random) }
        : { givenName: name.givenName, familyName: spellingVariant(random, name.familyName) });
  }
  const policeSubject = c.owner.kind === 'police' && ['perpetrator', 'suspect', 'subject'].includes(role);
  const body: CreatePersonBody = {
    givenName: name.givenName, familyName: name.familyName,
    ...(dateOfBirth === null ? { estimatedBirthYear: born.getUTCFullYear() } : { dateOfBirth }),
    gender: gender === 'female' || gender === 'male' || gender === 'non_binary' ? gender : 'unknown',
    consentStatus: random.pick(CONSENT_STATUSES),
    aliases,
    identifiers: policeSubject && random.chance(0.5) ? [{ scheme: 'police_nominal_id', value: `NS${random.int(100_000, 999_999)}` }] : [],
  };
  const id = await createPerson(trx, actAs(c.actor, at), body);
  const person: WorldPerson = { id, name, dateOfBirth, gender: body.gender, ownerAgencyId: c.actor.agencyId, searchable: false, adult: !child };
  world.persons.push(person);
  return person;
}
