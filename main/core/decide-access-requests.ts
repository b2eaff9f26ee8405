/**
 * The `accessRequests.list`, `.approve`, `.deny` and `.revokeGrant` channels: the server's access
 * requests (its own and those the user's agency decides), each named from the offline copy where it
 * holds the record. The server decides who may decide (never the requester) and compare-and-sets on
 * the version; its refusals pass through unchanged. Offline, `network_error` saying so.
 */
import type { AccessRequestRecord } from '../../domain/entities/access-request.ts';
import type { CaseSignpost } from '../../domain/http/access-request-routes.ts';
import type { AccessRequestView } from '../../domain/ipc/access-request-channels.ts';
import type { ChannelParsedInput } from '../../domain/ipc/contract.ts';
import type { ApiClient } from '../api/api-client.ts';
import type { CaseCache } from '../cache/case-cache.ts';
import { whenOnline } from './when-online.ts';

/** What the calls need: the API and an access token (and, for the list, the session's cache). */
export interface AccessRequestDeps {
  api: ApiClient;
  accessToken: () => Promise<string>;
}

/** Offline, `network_error` in this channel's words. */
const online = <T>(run: () => Promise<T>): Promise<T> => whenOnline('Access requests are kept on the server: try again when this computer is connected.', run);

/** The requests the user may see, newest first; the record is named only if this computer's copy holds it. */
export async function listAccessRequests(deps: AccessRequestDeps & { cache: CaseCache }): Promise<{ requests: AccessRequestView[] }> {
  const { requests } = await online(async () => deps.api.call('listAccessRequests', { query: {}, accessToken: await deps.accessToken() }));
  const caseIds = requests.filter((r) => r.resourceType === 'case').map((r) => r.resourceId);
  const personIds = requests.filter((r) => r.resourceType === 'person').map((r) => r.resourceId);
  const [cases, persons] = await Promise.all([deps.cache.caseLabels(caseIds), deps.cache.personNames(personIds)]);
  return {
    requests: requests.map((r) => ({ ...r, resourceLabel: (r.resourceType === 'case' ? cases.get(r.resourceId) : persons.get(r.resourceId)) ?? null })),
  };
}

/** Approves a pending request with a grant until `expiresAt`. */
export function approveAccessRequest(deps: AccessRequestDeps, { id, ...body }: ChannelParsedInput<'accessRequests.approve'>): Promise<AccessRequestRecord> {
  return online(async () => deps.api.call('approveAccessRequest', { params: { id }, body, accessToken: await deps.accessToken() }));
}

/** Denies a pending request, with the reason the requester is shown. */
export function denyAccessRequest(deps: AccessRequestDeps, { id, ...body }: ChannelParsedInput<'accessRequests.deny'>): Promise<AccessRequestRecord> {
  return online(async () => deps.api.call('denyAccessRequest', { params: { id }, body, accessToken: await deps.accessToken() }));
}

/** Revokes a grant before it expires; sync then removes the record from the requester's copy. */
export function revokeAccessGrant(deps: AccessRequestDeps, { grantId, note }: ChannelParsedInput<'accessRequests.revokeGrant'>): Promise<AccessRequestRecord> {
  return online(async () => deps.api.call('revokeAccessGrant', { params: { id: grantId }, body: note === undefined ? {} : { note }, accessToken: await deps.accessToken() }));
}

/** A case by its exact reference: visible, a signpost naming its owner agency, or null (the server audits the look-up). */
export function findCaseSignpost(deps: AccessRequestDeps, query: ChannelParsedInput<'accessRequests.findCase'>): Promise<{ result: CaseSignpost }> {
  return online(async () => deps.api.call('signpostCase', { query, accessToken: await deps.accessToken() }));
}
