/** Where an access request stands, in words for the person who asked. */
import type { AccessRequestView } from '../../../domain/ipc/access-request-channels.ts';
import { formatDateTime } from '../../words/format-date-time.ts';

/** "Approved — access until 4 Jan 2027, 00:00" and the like. */
export function requestOutcome(request: AccessRequestView): string {
  switch (request.status) {
    case 'pending':
      return `Waiting for ${request.ownerAgencyName} to decide`;
    case 'approved':
      return request.grant === null ? 'Approved' : `Approved — access until ${formatDateTime(request.grant.expiresAt)}`;
    case 'denied':
      return request.decisionNote === null ? 'Denied' : `Denied — ${request.decisionNote}`;
    case 'revoked':
      return request.grant?.revokedAt ? `Access withdrawn by ${request.ownerAgencyName} on ${formatDateTime(request.grant.revokedAt)}` : 'Access withdrawn';
    case 'expired':
      return request.grant === null ? 'Expired' : `Expired — access ended ${formatDateTime(request.grant.expiresAt)}`;
  }
}

/** The record a request is about: its name when this computer's copy holds it, otherwise what it is and whose. */
export function requestedRecord(request: AccessRequestView): string {
  if (request.resourceLabel !== null) {
    return request.resourceLabel;
  }
  return `A ${request.resourceType} record held by ${request.ownerAgencyName}`;
}
