/** One person from the cache as the profile screen shows them: the record, the cached cases they are on (with their role) and the active warnings on them. */
import { sql, type Kysely } from 'kysely';
import type { CacheDatabase } from '../../db/cache/schema.ts';
import { CodedError } from '../../domain/errors.ts';
import { PersonProfileViewSchema, type PersonProfileView } from '../../domain/ipc/person-channels.ts';
import { isMarkerActive } from './marker-active.ts';
import { isMarkerEditable } from './marker-editable.ts';
import { parseAliases } from './person-search-query.ts';

const UNKNOWN_AGENCY = 'Unknown agency';

/**
 * Reads the person `personId` as of `at` (markers past their expiry are left out); `not_found` when
 * the cache does not hold them. Cases are those the cache holds with a subject row for the person
 * (a link to a case this user does not hold names nothing), most recently updated first.
 */
export async function queryPersonProfile(db: Kysely<CacheDatabase>, personId: string, at: Date): Promise<PersonProfileView> {
  const person = await db.selectFrom('persons')
    .select(['id', 'given_name', 'family_name', 'date_of_birth', 'estimated_birth_year', 'gender', 'aliases'])
    .where('id', '=', personId).executeTakeFirst();
  if (!person) {
    throw new CodedError('not_found', 'This person is not in your offline copy.');
  }
  const [cases, markers] = await Promise.all([
    db.selectFrom('case_subjects').innerJoin('cases', 'cases.id', 'case_subjects.case_id').leftJoin('agencies', 'agencies.id', 'cases.owner_agency_id')
      .select([
        'cases.id', 'cases.reference', 'cases.title', 'cases.case_type', 'cases.status', 'cases.risk_level', 'cases.updated_at',
        'case_subjects.role', 'agencies.name as agency_name',
      ])
      .where('case_subjects.person_id', '=', personId)
      .orderBy('cases.updated_at', 'desc').orderBy('cases.id').orderBy('case_subjects.created_at').orderBy('case_subjects.id')
      .execute(),
    db.selectFrom('markers').leftJoin('agencies', 'agencies.id', 'markers.owner_agency_id')
      .select(['markers.id', 'markers.marker_type', 'markers.description', 'markers.review_date', 'markers.expires_at', 'markers.abilities', 'agencies.name as agency_name'])
      .where('markers.subject_type', '=', 'person').where('markers.subject_id', '=', personId)
      // Staff-safety warnings lead, as on the case banner.
      .orderBy(sql`markers.marker_type = 'staff_safety'`, 'desc').orderBy('markers.created_at', 'desc').orderBy('markers.id')
      .execute(),
  ]);
  const name = `${person.given_name} ${person.family_name}`.trim();
  return PersonProfileViewSchema.parse({
    person: {
      id: person.id, givenName: person.given_name, familyName: person.family_name, dateOfBirth: person.date_of_birth,
      estimatedBirthYear: person.estimated_birth_year, gender: person.gender, aliases: parseAliases(person.aliases),
    },
    cases: cases.map((c) => ({
      caseId: c.id, reference: c.reference, title: c.title, caseType: c.case_type, status: c.status, riskLevel: c.risk_level,
      ownerAgencyName: c.agency_name ?? UNKNOWN_AGENCY, role: c.role, updatedAt: c.updated_at,
    })),
    markers: markers.filter((m) => isMarkerActive(m.expires_at, at)).map((m) => ({
      id: m.id, markerType: m.marker_type, description: m.description, subjectType: 'person', subjectId: personId, subjectName: name,
      ownerAgencyName: m.agency_name ?? UNKNOWN_AGENCY, reviewDate: m.review_date, expiresAt: m.expires_at, editable: isMarkerEditable(m.abilities),
    })),
  });
}
