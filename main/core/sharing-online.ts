/**
 * The sharing channels: who sees a case or a report, read from and changed on the server. Sharing
 * decisions are online only: the server checks the agreements and the version at the moment of the
 * change, so nothing is queued; offline the answer is `network_error`. After a change the offline
 * copy is synced, so the case screen (and, on the partners' desktops, their queues) follow.
 */
import type { DocumentRecord } from '../../domain/entities/document.ts';
import type { ReportRecord } from '../../domain/entities/report.ts';
import type { CaseSharingView } from '../../domain/entities/sharing.ts';
import { CodedError } from '../../domain/errors.ts';
import type { ChannelParsedInput } from '../../domain/ipc/contract.ts';
import type { DocumentSharingView, ReportSharingView } from '../../domain/ipc/sharing-channels.ts';
import type { ApiClient } from '../api/api-client.ts';

// The server could not be reached (a too-many-requests refusal is not being offline, so it passes through).
const UNREACHABLE_CODES: ReadonlySet<string> = new Set(['network_error', 'server_unavailable']);

/** What the channels need: the API, an access token, and a sync to run after a change. */
export interface SharingDeps {
  api: ApiClient;
  accessToken: () => Promise<string>;
  syncNow: () => Promise<unknown>;
}

async function online<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof CodedError && UNREACHABLE_CODES.has(error.code)) {
      throw new CodedError('network_error', 'Sharing is decided on the server: try again when this computer is connected.');
    }
    throw error;
  }
}

/** The case's sharing and the directory the caller's agency may share with. */
export function caseSharing(deps: SharingDeps, caseId: string): Promise<CaseSharingView> {
  return online(async () => deps.api.call('getCaseSharing', { params: { id: caseId }, accessToken: await deps.accessToken() }));
}

/** Replaces the case's sharing (compare-and-set on `expectedVersion`), then syncs. */
export async function setCaseSharing(deps: SharingDeps, input: ChannelParsedInput<'sharing.setCase'>): Promise<CaseSharingView> {
  const { caseId, ...body } = input;
  await online(async () => deps.api.call('shareCase', { params: { id: caseId }, body, accessToken: await deps.accessToken() }));
  // The change is made; a failed sync only delays the offline copy (the status bar says so).
  await deps.syncNow().catch(() => undefined);
  return caseSharing(deps, caseId);
}

function reportView(report: ReportRecord, c: CaseSharingView, title: string): ReportSharingView {
  return {
    report: {
      id: report.id, title, owner: { agencyId: report.authorAgencyId, teamId: report.authorTeamId, userId: report.authorUserId },
      sharingLevel: report.sharingLevel, agencyIds: report.sharedAgencyIds, teamIds: report.sharedTeamIds, userIds: report.sharedUserIds,
      version: report.version, mayChange: report.abilities.update,
    },
    case: c,
  };
}

/** A report's restriction with its case's sharing. */
export function reportSharing(deps: SharingDeps, reportId: string): Promise<ReportSharingView> {
  return online(async () => {
    const report = await deps.api.call('getReport', { params: { id: reportId }, accessToken: await deps.accessToken() });
    return reportView(report, await caseSharing(deps, report.caseId), report.title);
  });
}

/** Replaces a report's restriction (author only, never wider than its case, compare-and-set), then syncs. */
export async function setReportSharing(deps: SharingDeps, input: ChannelParsedInput<'sharing.setReport'>): Promise<ReportSharingView> {
  const { reportId, ...body } = input;
  const report = await online(async () => deps.api.call('shareReport', { params: { id: reportId }, body, accessToken: await deps.accessToken() }));
  await deps.syncNow().catch(() => undefined);
  return reportView(report, await caseSharing(deps, report.caseId), report.title);
}

function documentView(doc: DocumentRecord, c: CaseSharingView): DocumentSharingView {
  return {
    document: {
      id: doc.id, fileName: doc.fileName, owner: { agencyId: doc.ownerAgencyId, teamId: doc.ownerTeamId, userId: doc.uploadedBy },
      sharingLevel: doc.sharingLevel, agencyIds: doc.shares.agencyIds, teamIds: doc.shares.teamIds, userIds: doc.shares.userIds, mayChange: doc.abilities.delete,
    },
    case: c,
  };
}

/** A document's restriction with its case's sharing. */
export function documentSharing(deps: SharingDeps, documentId: string): Promise<DocumentSharingView> {
  return online(async () => {
    const doc = await deps.api.call('getDocument', { params: { id: documentId }, accessToken: await deps.accessToken() });
    return documentView(doc, await caseSharing(deps, doc.caseId));
  });
}

/** Replaces a document's restriction (compare-and-set on the sharing last seen), then syncs. */
export async function setDocumentSharing(deps: SharingDeps, input: ChannelParsedInput<'sharing.setDocument'>): Promise<DocumentSharingView> {
  const { documentId, ...body } = input;
  const doc = await online(async () => deps.api.call('shareDocument', { params: { id: documentId }, body, accessToken: await deps.accessToken() }));
  await deps.syncNow().catch(() => undefined);
  return documentView(doc, await caseSharing(deps, doc.caseId));
}
