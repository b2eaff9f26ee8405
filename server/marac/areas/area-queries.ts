/** Reads MARAC areas as `MaracAreaRecord`s: the list every referrer reads, and one area for administration. */
import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../../../db/server/schema.ts';
import type { MaracAreaRecord } from '../../../domain/entities/marac-referral.ts';
import { CodedError } from '../../../domain/errors.ts';

const selectAreas = (db: Kysely<ServerDatabase>) => db.selectFrom('marac_areas as m').innerJoin('agencies as a', 'a.id', 'm.coordinator_agency_id')
  .select(['m.id', 'm.name', 'm.escalation_incidents', 'm.escalation_months', 'a.id as agency_id', 'a.name as agency_name']);

type AreaRow = Awaited<ReturnType<ReturnType<typeof selectAreas>['executeTakeFirstOrThrow']>>;

const toRecord = (r: AreaRow): MaracAreaRecord => ({
  id: r.id, name: r.name, coordinatorAgency: { id: r.agency_id, name: r.agency_name },
  escalationIncidents: Number(r.escalation_incidents), escalationMonths: Number(r.escalation_months),
});

/** Every area, by name. */
export async function listMaracAreas(db: Kysely<ServerDatabase>): Promise<MaracAreaRecord[]> {
  return (await selectAreas(db).orderBy('m.name').execute()).map(toRecord);
}

/** One area; `not_found` when there is none. */
export async function maracArea(db: Kysely<ServerDatabase>, id: string): Promise<MaracAreaRecord> {
  const row = await selectAreas(db).where('m.id', '=', id).executeTakeFirst();
  if (!row) {
    throw new CodedError('not_found', 'No such MARAC area.');
  }
  return toRecord(row);
}
