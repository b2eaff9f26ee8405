/** One record an agency holds about a person, for a subject access request (docs/audit.md). */
import type { SarItem } from '../../domain/entities/sar.ts';

/** One held record and the agency that owns it. */
export interface Holding {
  ownerAgencyId: string;
  /** The cases the record sits in, for finding third parties (none for the person's own profile and person markers). */
  caseIds: readonly string[];
  item: SarItem;
}
