/** The implementation of every IPC channel, typed from the contract. */
import { CodedError } from '../../domain/errors.ts';
import type { ChannelName, ChannelOutput, ChannelParsedInput } from '../../domain/ipc/contract.ts';
import type { PolicyStatus } from '../../domain/ipc/session-channels.ts';
import type { ApiClient } from '../api/api-client.ts';
import type { UiSettingsService } from '../machine-policy/ui-settings.ts';
import type { SessionManager } from '../session/session-manager.ts';
import type { SyncEngine } from '../sync/sync-engine.ts';
import type { SyncStatusTracker } from '../sync/sync-status-tracker.ts';
import { createSyncChannelHandlers } from '../sync/sync-channel-handlers.ts';
import { auditExportContent, auditExportStatus, cancelAuditExport, createAuditExport } from './audit-exports-online.ts';
import { auditedRead, casesSearched, caseViewed, documentHandedOut, locationsSearched, personsSearched, personViewed, queuePage, reportViewed } from './audited-read.ts';
import { listNotifications } from './list-notifications.ts';
import { listMine, markAllMineRead, markMineRead } from './my-notifications.ts';
import { approveAccessRequest, denyAccessRequest, findCaseSignpost, listAccessRequests, revokeAccessGrant } from './decide-access-requests.ts';
import { maracDataReturnHandlers } from './marac-data-return-online.ts';
import { maracMeetingHandlers } from './marac-meeting-online.ts';
import { maracHandlers } from './marac-online.ts';
import { sarHandlers } from './sar-online.ts';
import { retentionHandlers } from './retention-online.ts';
import { adminHandlers } from './admin-online.ts';
import { changePasswordAndSignIn } from './change-password.ts';
import { totpHandlers } from './totp-online.ts';
import { readDocumentContent } from './read-document-content.ts';
import { queueDocumentUpload } from './queue-document-upload.ts';
import { queueDocumentDelete } from './queue-document-delete.ts';
import { reportVersionsOnline } from './report-versions-online.ts';
import { requestAccess } from './request-access.ts';
import { breakGlassCaseOnline, searchAuditOnline } from './search-audit-online.ts';
import { matchPersonsOnline } from './match-persons-online.ts';
import { searchPersonsOnline } from './search-persons-online.ts';
import type { SessionController } from './session-controller.ts';
import { taskHandlers } from './task-handlers.ts';
import { caseSharing, documentSharing, reportSharing, setCaseSharing, setDocumentSharing, setReportSharing } from './sharing-online.ts';

/** One handler per channel: parsed input in, contract output out. */
export type ChannelHandlers = {
  [C in ChannelName]: (input: ChannelParsedInput<C>) => Promise<ChannelOutput<C>>;
};

/** What the handlers work with. */
export interface HandlerDeps {
  session: SessionManager;
  controller: SessionController;
  sync: SyncEngine;
  status: SyncStatusTracker;
  /** The API, for documents downloaded on demand. */
  api: ApiClient;
  policyStatus: PolicyStatus;
  preferences: UiSettingsService;
}

/** Builds the handlers; session transitions go through the controller so their side effects stay in one place. */
export function createChannelHandlers(deps: HandlerDeps): ChannelHandlers {
  const { session, controller, sync, status } = deps;
  // Calls that go straight to the server: a signed-in, unlocked session's token.
  const onlineDeps = () => {
    session.require();
    return { api: deps.api, accessToken: () => session.accessToken() };
  };
  return {
    'session.state': () => Promise.resolve(controller.state),
    'session.signIn': ({ username, password, totpCode }) => controller.signIn(username, password, totpCode),
    'session.signOut': async ({ wipeCache, discardUnsent }) => {
      await controller.signOut(wipeCache, discardUnsent);
      return null;
    },
    'session.lock': async () => {
      if (session.state.state === 'signed_out') {
        throw new CodedError('not_signed_in', 'Sign in first.');
      }
      await controller.lock();
      return null;
    },
    'session.unlock': ({ password }) => controller.unlock(password),
    'session.changePassword': (input) => changePasswordAndSignIn(deps.api, controller, input),
    ...totpHandlers(deps.api, onlineDeps),
    'session.activity': () => {
      controller.activity();
      return Promise.resolve(null);
    },
    'policy.status': () => Promise.resolve(deps.policyStatus),
    'preferences.get': () => Promise.resolve(deps.preferences.get()),
    'preferences.update': (patch) => Promise.resolve(deps.preferences.update(patch)),
    // Reads from the offline copy never reach the server: each is recorded for its audit trail before it is answered.
    'cases.queue': (input) => {
      const active = session.require();
      const { id: userId, teamIds, agencyId } = active.user;
      return queuePage(active, { ...input, viewer: { userId, teamIds, agencyId }, now: new Date() });
    },
    // The filter choices name no case, so they are not a read to audit.
    'cases.queueChoices': () => session.require().cache.queueChoices(),
    // Case types are the same for everyone and name no case: not a read to audit.
    'cases.types': () => session.require().cache.caseTypes(),
    // Counts only, naming no case or person, so (like the plain queue) not a read to audit.
    'dashboard.summary': () => {
      const active = session.require();
      const { id: userId, teamIds, agencyId, role } = active.user;
      return active.cache.dashboard({ userId, teamIds, agencyId, manager: role === 'team_manager' }, new Date());
    },
    'cases.detail': (input) => auditedRead(session.require(), (cache) => cache.caseDetail(input.caseId), () => caseViewed(input.caseId)),
    'locations.search': (input) => auditedRead(session.require(), (cache) => cache.searchLocations(input.text, input.limit), (r) => locationsSearched(input.text, r)),
    'reports.text': (input) => auditedRead(session.require(), (cache) => cache.reportText(input.reportId), () => reportViewed(input.reportId)),
    'cases.chronology': (input) => auditedRead(session.require(), (cache) => cache.caseChronology(input.caseId), () => caseViewed(input.caseId)),
    'cases.search': (input) => auditedRead(session.require(), (cache) => cache.searchCases(input.text, input.limit), (r) => casesSearched(input.text, r)),
    'persons.search': (input) => auditedRead(session.require(), (cache) => cache.searchPersons(input.text, input.limit, input.dateOfBirth),
      (r) => personsSearched(input.text, input.dateOfBirth, r)),
    'persons.profile': (input) => auditedRead(session.require(), (cache) => cache.personProfile(input.personId, new Date()), () => personViewed(input.personId)),
    // The server's search is not a read of the offline copy: the server records it in its own audit trail.
    'persons.searchOnline': (input) => {
      session.require();
      return searchPersonsOnline({ api: deps.api, accessToken: () => session.accessToken() }, input);
    },
    'persons.matchOnline': (input) => {
      session.require();
      return matchPersonsOnline({ api: deps.api, accessToken: () => session.accessToken() }, input);
    },
    // A request goes straight to the server, which audits it; nothing is kept on this computer.
    'accessRequests.create': (input) => {
      session.require();
      return requestAccess({ api: deps.api, accessToken: () => session.accessToken() }, input);
    },
    // The inbox and the user's own requests: the server's, named from the offline copy; decisions are the server's.
    'accessRequests.list': () => listAccessRequests({ ...onlineDeps(), cache: session.require().cache }),
    'accessRequests.approve': (input) => approveAccessRequest(onlineDeps(), input),
    'accessRequests.deny': (input) => denyAccessRequest(onlineDeps(), input),
    'accessRequests.revokeGrant': (input) => revokeAccessGrant(onlineDeps(), input),
    'accessRequests.findCase': (input) => findCaseSignpost(onlineDeps(), input),
    // The audit trail lives on the server only; the server scopes the search to the caller and audits it.
    'audit.search': (input) => {
      session.require();
      return searchAuditOnline({ api: deps.api, accessToken: () => session.accessToken() }, input);
    },
    'audit.breakGlassCase': (input) => {
      session.require();
      return breakGlassCaseOnline({ api: deps.api, accessToken: () => session.accessToken() }, input);
    },
    'documents.content': async (input) => {
      // Handing the bytes to the renderer is how a document leaves Casebridge: the policy decides here, not in the UI.
      if (!deps.preferences.get().effective.exportsAllowed) {
        throw new CodedError('authorization_error', 'Your organisation does not allow documents to be saved from Casebridge on this computer.');
      }
      return auditedRead(session.require(), (cache) => readDocumentContent({ cache, api: deps.api, accessToken: () => session.accessToken() }, input.documentId),
        (_content, cache) => documentHandedOut(input.documentId, cache));
    },
    // Exports are made, audited and refused on the server; the file leaves Casebridge only if the policy allows.
    'auditExports.create': (input) => createAuditExport(onlineDeps(), input),
    'auditExports.status': (input) => auditExportStatus(onlineDeps(), input.exportId),
    'auditExports.cancel': (input) => cancelAuditExport(onlineDeps(), input.exportId),
    'auditExports.content': async (input) => {
      if (!deps.preferences.get().effective.exportsAllowed) {
        throw new CodedError('authorization_error', 'Your organisation does not allow files to be saved from Casebridge on this computer.');
      }
      return auditExportContent(onlineDeps(), input.exportId);
    },
    'notifications.list': () => {
      const active = session.require();
      return listNotifications({ cache: active.cache, api: deps.api, accessToken: () => session.accessToken() });
    },
    'notifications.mine': () => listMine(onlineDeps()),
    'notifications.markRead': ({ id }) => markMineRead(onlineDeps(), id),
    'notifications.markAllRead': () => markAllMineRead(onlineDeps()),
    // The agency's own markers, like the plain queue: a list of the user's own work, not audited as a read.
    'markers.reviewDue': async () => {
      const active = session.require();
      return { markers: await active.cache.markersDueForReview(active.user.agencyId, new Date()) };
    },
    'sync.status': () => Promise.resolve(status.current),
    'sync.now': () => sync.syncNow(),
    'changes.submit': async ({ baseVersion, ...change }) =>
      ({ mutationId: await sync.enqueue(baseVersion === undefined ? change : { ...change, baseVersion }) }),
    ...createSyncChannelHandlers(sync),
    // Sharing decisions are made on the server, never queued (main/core/sharing-online.ts).
    'reports.versions': (input) => reportVersionsOnline(onlineDeps(), input.reportId),
    'documents.upload': (input) => queueDocumentUpload({
      cache: session.require().cache, outbox: sync.outbox().store, enqueue: (change) => sync.enqueue(change), syncNow: () => sync.syncNow(),
    }, input),
    'documents.delete': (input) => queueDocumentDelete({
      cache: session.require().cache, enqueue: (change) => sync.enqueue(change), syncNow: () => sync.syncNow(),
    }, input.documentId),
    'sharing.case': (input) => caseSharing({ ...onlineDeps(), syncNow: () => sync.syncNow() }, input.caseId),
    'sharing.setCase': (input) => setCaseSharing({ ...onlineDeps(), syncNow: () => sync.syncNow() }, input),
    'sharing.report': (input) => reportSharing({ ...onlineDeps(), syncNow: () => sync.syncNow() }, input.reportId),
    'sharing.setReport': (input) => setReportSharing({ ...onlineDeps(), syncNow: () => sync.syncNow() }, input),
    'sharing.document': (input) => documentSharing({ ...onlineDeps(), syncNow: () => sync.syncNow() }, input.documentId),
    'sharing.setDocument': (input) => setDocumentSharing({ ...onlineDeps(), syncNow: () => sync.syncNow() }, input),
    // Each call needs a signed-in session: `session.require()` throws otherwise.
    ...maracHandlers(() => {
      const active = session.require();
      return { api: deps.api, accessToken: () => session.accessToken(), areas: active.cache.maracAreas };
    }),
    ...maracMeetingHandlers(() => {
      const active = session.require();
      return { api: deps.api, accessToken: () => session.accessToken(), cache: active.cache, userId: active.user.id, now: () => new Date() };
    }),
    ...maracDataReturnHandlers(() => {
      session.require();
      return { api: deps.api, accessToken: () => session.accessToken() };
    }),
    ...taskHandlers(() => ({ active: session.require(), api: deps.api, accessToken: () => session.accessToken() })),
    ...adminHandlers(onlineDeps),
    ...sarHandlers(() => ({ ...onlineDeps(), exportsAllowed: () => deps.preferences.get().effective.exportsAllowed })),
    // Retention is the server's: reviews, holds, erasure and rules are decided and audited there.
    ...retentionHandlers(() => {
      session.require();
      return { api: deps.api, accessToken: () => session.accessToken() };
    }),
  };
}
