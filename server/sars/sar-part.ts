/**
 * One agency's part of a request: the records it owns among what the receiving agency holds about
 * the person, and the third parties flagged on them (docs/audit.md).
 */
import type { SarItem } from '../../domain/entities/sar.ts';
import type { FlaggedThirdParty } from '../../domain/sar/redact-part.ts';
import type { Holdings } from './sar-holdings.ts';

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
