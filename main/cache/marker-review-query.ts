/** The review-due list: active markers of one agency whose review date has passed or falls within the window. */
import type { Kysely } from 'kysely';
import type { CacheDatabase } from '../../db/cache/schema.ts';
import { MARKER_REVIEW_WINDOW_DAYS, MarkerReviewItemSchema, type MarkerReviewItem } from '../../domain/ipc/marker-channels.ts';
import { isMarkerActive } from './marker-active.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The markers `agencyId` owns due for review as of `at` (by UTC calendar date), soonest review first, staff safety first on a tie. */
export async function queryMarkersDueForReview(db: Kysely<CacheDatabase>, agencyId: string, at: Date): Promise<MarkerReviewItem[]> {
  const today = at.toISOString().slice(0, 10);
  const horizon = new Date(at.getTime() + MARKER_REVIEW_WINDOW_DAYS * DAY_MS).toISOString().slice(0, 10);
  const rows = await db.selectFrom('markers')
    .leftJoin('persons', (j) => j.onRef('persons.id', '=', 'markers.subject_id').on('markers.subject_type', '=', 'person'))
    .leftJoin('locations', (j) => j.onRef('locations.id', '=', 'markers.subject_id').on('markers.subject_type', '=', 'location'))
    .leftJoin('cases', (j) => j.onRef('cases.id', '=', 'markers.subject_id').on('markers.subject_type', '=', 'case'))
    .select((eb) => [
      'markers.id', 'markers.marker_type', 'markers.description', 'markers.subject_type', 'markers.subject_id', 'markers.review_date',
      'markers.expires_at', 'persons.given_name', 'persons.family_name', 'locations.address_line', 'locations.town', 'locations.postcode',
      'cases.reference', 'cases.title',
      eb.selectFrom('case_locations').select('case_locations.case_id').whereRef('case_locations.location_id', '=', 'markers.subject_id')
        .orderBy('case_locations.case_id').limit(1).as('place_case_id'),
    ])
    .where('markers.owner_agency_id', '=', agencyId)
    .where('markers.review_date', '<=', horizon)
    .orderBy('markers.review_date').orderBy((eb) => eb('markers.marker_type', '=', 'staff_safety'), 'desc').orderBy('markers.id')
    .execute();
  return rows.filter((m) => isMarkerActive(m.expires_at, at)).map((m) => MarkerReviewItemSchema.parse({
    id: m.id, markerType: m.marker_type, description: m.description, subjectType: m.subject_type, subjectId: m.subject_id,
    subjectName: subjectName(m),
    caseId: m.subject_type === 'case' ? m.subject_id : m.subject_type === 'location' ? m.place_case_id : null,
    reviewDate: m.review_date, expiresAt: m.expires_at, overdue: m.review_date < today,
  }));
}

function subjectName(m: {
  subject_type: string; given_name: string | null; family_name: string | null; address_line: string | null; town: string | null;
  postcode: string | null; reference: string | null; title: string | null;
}): string | null {
  switch (m.subject_type) {
    case 'person':
      return m.given_name === null || m.family_name === null ? null : `${m.given_name} ${m.family_name}`;
    case 'location':
      return m.address_line === null ? null : [m.address_line, m.town, m.postcode].filter((p) => p !== null && p !== '').join(', ');
    default:
      return m.reference === null ? null : `${m.reference}: ${m.title ?? ''}`;
  }
}
