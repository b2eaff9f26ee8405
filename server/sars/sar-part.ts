/**
 * One agency's part of a request: the records it owns among what the receiving agency holds about
 * the person, and the third parties flagged on them (docs/audit.md).
 */
import type { Kysely } from 'kysely';
import type { SarRequestTable, ServerDatabase } from '../../db/server/schema.ts';
import type { SarItem, SarPart } from '../../domain/entities/sar.ts';
import type { FlaggedThirdParty } from '../../domain/sar/redact-part.ts';
import { loadHoldings, type Holdings } from './sar-holdings.ts';

/** An unredacted part. */
export interface RawPart {
  items: SarItem[];
  flagged: FlaggedThirdParty[];
  subjectFamilyName: string;
}

/** The part of `holdings` owned by `agencyId`; third parties are the other people on the cases its records sit in. */
export function partOf(holdings: Holdings, agencyId: string): RawPart {
  const own = holdings.holdings.filter((h) => h.ownerAgencyId === agencyId);
  const caseIds = new Set(own.flatMap((h) => h.caseIds));
  const flagged = new Map<string, FlaggedThirdParty>();
  for (const t of holdings.thirdParties) {
    if (caseIds.has(t.caseId) && !flagged.has(t.personId)) {
      flagged.set(t.personId, { personId: t.personId, givenName: t.givenName, familyName: t.familyName, aliases: t.aliases });
    }
  }
  return { items: own.map((h) => h.item), flagged: [...flagged.values()], subjectFamilyName: holdings.subject.familyName };
}

/** `raw` as the API answers it before any decision: unredacted, every flagged third party marked for redaction. */
export function undecidedPart(agency: { id: string; name: string }, raw: RawPart): SarPart {
  return { agency, items: raw.items, thirdParties: raw.flagged.map((t) => ({ personId: t.personId, name: `${t.givenName} ${t.familyName}`, redacted: true })) };
}

/** The receiving agency's own part of `sar`, live at `at`, for its data officer to redact before the bundle. */
export async function ownPartOf(db: Kysely<ServerDatabase>, sar: SarRequestTable, at: string): Promise<SarPart> {
  const raw = partOf(await loadHoldings(db, sar.agency_id, sar.person_id, at), sar.agency_id);
  const agency = await db.selectFrom('agencies').select(['id', 'name']).where('id', '=', sar.agency_id).executeTakeFirstOrThrow();
  return undecidedPart(agency, raw);
}
