/** The information-sharing matrix: an agency may share only with agencies it has an agreement with. */

/** An agency's sharing configuration. */
export interface PolicySharingAgreements {
  /** False (the default): the agency may share with every partner in the deployment. */
  restricted: boolean;
  partnerAgencyIds: readonly string[];
}

/** The agencies in `targets` the owner may NOT share with; empty when the share is allowed. */
export function disallowedShareTargets(ownerAgencyId: string, agreements: PolicySharingAgreements, targets: readonly string[]): string[] {
  if (!agreements.restricted) {
    return [];
  }
  return targets.filter((t) => t !== ownerAgencyId && !agreements.partnerAgencyIds.includes(t));
}
