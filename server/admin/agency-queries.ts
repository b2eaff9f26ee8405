/** Reads of agencies with their sharing rule and agreements, for the system administrator. */
import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import { CodedError } from '../../domain/errors.ts';
import type { AdminAgency } from '../../domain/http/agency-admin-routes.ts';
import { AgencyKindSchema } from '../../domain/vocabulary.ts';

type Db = Kysely<ServerDatabase>;

/** Every agency (or one), by name, with its partners and how many accounts it has. */
export async function listAdminAgencies(db: Db, only?: string): Promise<AdminAgency[]> {
  let query = db.selectFrom('agencies').select(['id', 'name', 'kind', 'code', 'sharing_restricted']);
  if (only !== undefined) {
    query = query.where('id', '=', only);
  }
  const rows = await query.orderBy('name').orderBy('code').execute();
  if (rows.length === 0) {
    return [];
  }
  const ids = rows.map((r) => r.id);
  const agreements = await db.selectFrom('sharing_agreements').select(['agency_id', 'partner_agency_id']).where('agency_id', 'in', ids).execute();
  const counts = await db.selectFrom('users').select(['agency_id', (eb) => eb.fn.countAll<number>().as('n')]).where('agency_id', 'in', ids).groupBy('agency_id').execute();
  return rows.map((r) => ({
    id: r.id, name: r.name, kind: AgencyKindSchema.parse(r.kind), code: r.code, sharingRestricted: Number(r.sharing_restricted) === 1,
    partnerAgencyIds: agreements.filter((a) => a.agency_id === r.id).map((a) => a.partner_agency_id).sort(),
    userCount: Number(counts.find((c) => c.agency_id === r.id)?.n ?? 0),
  }));
}

/** One agency as the system administrator sees it; `not_found` when there is none. */
export async function adminAgency(db: Db, id: string): Promise<AdminAgency> {
  const [agency] = await listAdminAgencies(db, id);
  if (!agency) {
    throw new CodedError('not_found', 'No such agency.');
  }
  return agency;
}
