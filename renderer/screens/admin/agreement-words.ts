/** An agency's sharing rule and agreements in words, for the administration screens. */
import type { AdminAgency } from '../../../domain/http/agency-admin-routes.ts';

/** "Every agency", "Nobody yet", or the partners' names in alphabetical order. */
export function partnersInWords(agency: Pick<AdminAgency, 'sharingRestricted' | 'partnerAgencyIds'>, all: readonly Pick<AdminAgency, 'id' | 'name'>[]): string {
  if (!agency.sharingRestricted) {
    return 'Every agency';
  }
  const names = all.filter((a) => agency.partnerAgencyIds.includes(a.id)).map((a) => a.name).sort((x, y) => x.localeCompare(y, 'en-GB'));
  return names.length === 0 ? 'Nobody yet' : names.join(', ');
}
