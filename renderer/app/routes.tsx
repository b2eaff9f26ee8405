/**
 * The signed-in app's screens and their URLs (hash history, so they work from the Electron
 * protocol and the loopback host alike): every screen has a URL, Back and Forward work, and a case
 * can be opened from a link. Route components adapt the URL to each screen's props.
 */
import { createRootRoute, createRoute, createRouter, Navigate, useCanGoBack, useNavigate, useRouter, type RouterHistory } from '@tanstack/react-router';
import { useEffect } from 'react';
import { AccessRequests } from '../screens/access-requests/AccessRequests.tsx';
import { Audit } from '../screens/audit/Audit.tsx';
import { AuditExport } from '../screens/audit/AuditExport.tsx';
import { AuditSearchParamsSchema } from '../screens/audit/audit-search.ts';
import { CaseDetail } from '../screens/case/CaseDetail.tsx';
import { Dashboard } from '../screens/dashboard/Dashboard.tsx';
import { NewCaseButton } from '../screens/new-case/NewCaseButton.tsx';
import { CaseQueue } from '../screens/queue/CaseQueue.tsx';
import { QueueSearchSchema } from '../screens/queue/queue-search.ts';
import { DashChecklist } from '../screens/marac/DashChecklist.tsx';
import { ReferralForm } from '../screens/marac/ReferralForm.tsx';
import { Referrals } from '../screens/marac/Referrals.tsx';
import { StartReferral } from '../screens/marac/StartReferral.tsx';
import { ActionTracker } from '../screens/marac/ActionTracker.tsx';
import { DataReturn } from '../screens/marac/DataReturn.tsx';
import { DataReturnSearchSchema } from '../screens/marac/data-return-search.ts';
import { ReferralCaseSearchSchema } from '../screens/marac/referral-case.ts';
import { Meeting } from '../screens/marac/Meeting.tsx';
import { Meetings } from '../screens/marac/Meetings.tsx';
import { MarkersForReview } from '../screens/markers/MarkersForReview.tsx';
import { Notifications } from '../screens/notifications/Notifications.tsx';
import { PersonProfile } from '../screens/person/PersonProfile.tsx';
import { PersonSearch } from '../screens/person/PersonSearch.tsx';
import { PersonSearchParamsSchema } from '../screens/person/person-search.ts';
import { ConsultationDetail } from '../screens/sars/ConsultationDetail.tsx';
import { OwnPartRedaction } from '../screens/sars/OwnPartRedaction.tsx';
import { SarDetail } from '../screens/sars/SarDetail.tsx';
import { Sars } from '../screens/sars/Sars.tsx';
import { SarsSearchSchema } from '../screens/sars/sars-search.ts';
import { Retention } from '../screens/retention/Retention.tsx';
import { RetentionRules } from '../screens/retention/RetentionRules.tsx';
import { SyncProblems } from '../screens/sync-problems/SyncProblems.tsx';
import { TaskDetail } from '../screens/tasks/TaskDetail.tsx';
import { Tasks } from '../screens/tasks/Tasks.tsx';
import { TasksSearchSchema } from '../screens/tasks/tasks-search.ts';
import type { AuditExportFilters } from '../../domain/audit/audit-export.ts';
import { auditScopeOf } from '../../domain/policy/audit-policy.ts';
import { DECIDING_ROLES } from '../../domain/policy/policy-user.ts';
import { makesMaracReferrals } from '../../domain/policy/marac-referral-policy.ts';
import { handlesSars } from '../../domain/policy/sar-policy.ts';
import { mayListRetentionReviews, maySetRetentionRules } from '../../domain/policy/retention-policy.ts';
import { AdminRoute } from './AdminRoute.tsx';
import { NotFound } from './NotFound.tsx';
import { useWorkspace } from './workspace-context.ts';
import { WorkspaceLayout } from './WorkspaceLayout.tsx';

/** Rows per queue page when the core could not say what the user chose (its own default). */
const FALLBACK_PAGE_SIZE = 50;

const rootRoute = createRootRoute({ component: WorkspaceLayout, notFoundComponent: NotFound });

const indexRoute = createRoute({ getParentRoute: () => rootRoute, path: '/', component: () => <Navigate to="/queue" replace /> });

const queueRoute = createRoute({ getParentRoute: () => rootRoute, path: 'queue', validateSearch: QueueSearchSchema, component: QueueRoute });

const caseRoute = createRoute({ getParentRoute: () => rootRoute, path: 'cases/$caseId', component: CaseRoute });

const syncProblemsRoute = createRoute({ getParentRoute: () => rootRoute, path: 'sync-problems', component: SyncProblemsRoute });

const personSearchRoute = createRoute({
  getParentRoute: () => rootRoute, path: 'persons', validateSearch: PersonSearchParamsSchema, component: PersonSearchRoute,
});

const personRoute = createRoute({ getParentRoute: () => rootRoute, path: 'persons/$personId', component: PersonRoute });

const notificationsRoute = createRoute({ getParentRoute: () => rootRoute, path: 'notifications', component: NotificationsRoute });

const dashChecklistRoute = createRoute({ getParentRoute: () => rootRoute, path: 'persons/$personId/dash', validateSearch: ReferralCaseSearchSchema, component: DashChecklistRoute });

const referralFormRoute = createRoute({
  getParentRoute: () => rootRoute, path: 'persons/$personId/refer/$assessmentId', validateSearch: ReferralCaseSearchSchema, component: ReferralFormRoute,
});

const maracReferRoute = createRoute({ getParentRoute: () => rootRoute, path: 'marac/refer', validateSearch: ReferralCaseSearchSchema, component: MaracReferRoute });
const maracReferralsRoute = createRoute({ getParentRoute: () => rootRoute, path: 'marac/referrals', component: MaracReferralsRoute });
const maracMeetingsRoute = createRoute({ getParentRoute: () => rootRoute, path: 'marac/meetings', component: MaracMeetingsRoute });
const maracMeetingRoute = createRoute({ getParentRoute: () => rootRoute, path: 'marac/meetings/$meetingId', component: MaracMeetingRoute });
const maracActionsRoute = createRoute({ getParentRoute: () => rootRoute, path: 'marac/actions', component: MaracActionsRoute });
const maracDataReturnRoute = createRoute({
  getParentRoute: () => rootRoute, path: 'marac/data-return', validateSearch: DataReturnSearchSchema, component: MaracDataReturnRoute,
});
const markersReviewRoute = createRoute({ getParentRoute: () => rootRoute, path: 'markers/review', component: MarkersReviewRoute });

const accessRequestsRoute = createRoute({ getParentRoute: () => rootRoute, path: 'access-requests', component: AccessRequestsRoute });

const auditRoute = createRoute({ getParentRoute: () => rootRoute, path: 'audit', validateSearch: AuditSearchParamsSchema, component: AuditRoute });

const sarsRoute = createRoute({ getParentRoute: () => rootRoute, path: 'sars', validateSearch: SarsSearchSchema, component: SarsRoute });
const sarRoute = createRoute({ getParentRoute: () => rootRoute, path: 'sars/$sarId', component: SarRoute });
const sarRedactRoute = createRoute({ getParentRoute: () => rootRoute, path: 'sars/$sarId/redact', component: SarRedactRoute });
const consultationRoute = createRoute({ getParentRoute: () => rootRoute, path: 'sar-consultations/$consultationId', component: ConsultationRoute });
const retentionRoute = createRoute({ getParentRoute: () => rootRoute, path: 'retention', component: RetentionRoute });
const retentionRulesRoute = createRoute({ getParentRoute: () => rootRoute, path: 'retention/rules', component: RetentionRulesRoute });

const dashboardRoute = createRoute({ getParentRoute: () => rootRoute, path: 'dashboard', component: DashboardRoute });
const tasksRoute = createRoute({ getParentRoute: () => rootRoute, path: 'tasks', validateSearch: TasksSearchSchema, component: TasksRoute });

const taskRoute = createRoute({ getParentRoute: () => rootRoute, path: 'tasks/$taskId', component: TaskRoute });

const adminUsersRoute = createRoute({ getParentRoute: () => rootRoute, path: 'admin/users', component: () => <AdminRoute section="users" /> });

const adminTeamsRoute = createRoute({ getParentRoute: () => rootRoute, path: 'admin/teams', component: () => <AdminRoute section="teams" /> });

const adminDevicesRoute = createRoute({ getParentRoute: () => rootRoute, path: 'admin/devices', component: () => <AdminRoute section="devices" /> });

const adminAgenciesRoute = createRoute({ getParentRoute: () => rootRoute, path: 'admin/agencies', component: () => <AdminRoute section="agencies" /> });

const adminCaseTypesRoute = createRoute({ getParentRoute: () => rootRoute, path: 'admin/case-types', component: () => <AdminRoute section="case-types" /> });
const adminSettingsRoute = createRoute({ getParentRoute: () => rootRoute, path: 'admin/settings', component: () => <AdminRoute section="settings" /> });
const adminAgreementsRoute = createRoute({ getParentRoute: () => rootRoute, path: 'admin/agreements', component: () => <AdminRoute section="agreements" /> });

const adminMaracAreasRoute = createRoute({ getParentRoute: () => rootRoute, path: 'admin/marac-areas', component: () => <AdminRoute section="marac-areas" /> });

export const routeTree = rootRoute.addChildren([
  indexRoute, queueRoute, caseRoute, personSearchRoute, personRoute, syncProblemsRoute, notificationsRoute, auditRoute, retentionRoute, retentionRulesRoute, maracReferRoute, maracReferralsRoute, dashChecklistRoute, referralFormRoute,
  maracMeetingsRoute, maracMeetingRoute, maracActionsRoute, maracDataReturnRoute,
  dashboardRoute,
  accessRequestsRoute,
  markersReviewRoute,
  tasksRoute, taskRoute,
  adminUsersRoute, adminTeamsRoute, adminDevicesRoute, adminAgenciesRoute, adminAgreementsRoute, adminMaracAreasRoute,
  adminCaseTypesRoute, adminSettingsRoute,
  sarsRoute, sarRoute, sarRedactRoute, consultationRoute,
]);

/** A router over `history`: hash history in the app, memory history in tests. */
export function createAppRouter(history: RouterHistory) {
  return createRouter({ routeTree, history, defaultPreload: false, scrollRestoration: true });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}

/** The ways every screen moves to another. */
function useGoTo() {
  const navigate = useNavigate();
  const { lastQueueSearch } = useWorkspace();
  return {
    queue: () => void navigate({ to: '/queue', search: lastQueueSearch.current }),
    openCase: (caseId: string) => void navigate({ to: '/cases/$caseId', params: { caseId } }),
    openPerson: (personId: string) => void navigate({ to: '/persons/$personId', params: { personId } }),
    syncProblems: () => void navigate({ to: '/sync-problems' }),
  };
}

function QueueRoute() {
  const search = queueRoute.useSearch();
  const navigate = queueRoute.useNavigate();
  const goTo = useGoTo();
  const { settings, lastQueueSearch, user } = useWorkspace();
  // "Back to case queue" returns to this filter and page.
  useEffect(() => {
    lastQueueSearch.current = search;
  }, [lastQueueSearch, search]);
  // Until the settings are known the queue waits, so it does not load one page size and then another.
  const pageSize = settings.settings?.effective.queuePageSize ?? (settings.loadError ? FALLBACK_PAGE_SIZE : null);
  return (
    <>
      <NewCaseButton teamIds={user.teamIds} onCreated={goTo.openCase} />
      <CaseQueue
        search={search}
        pageSize={pageSize}
        onSearchChange={(next, { replace }) => void navigate({ search: next, replace })}
        onOpenCase={goTo.openCase}
      />
    </>
  );
}

function CaseRoute() {
  const { caseId } = caseRoute.useParams();
  const goTo = useGoTo();
  const { settings, user } = useWorkspace();
  // Null while unknown: saving a document is offered only once the policy is known to allow it.
  const exportsAllowed = settings.settings?.effective.exportsAllowed ?? null;
  const navigate = useNavigate();
  const openTask = (taskId: string) => void navigate({ to: '/tasks/$taskId', params: { taskId } });
  // Offered on a MARAC-type case to those who make referrals (the case screen checks the type and that the case may be changed).
  const referToMarac = makesMaracReferrals(user) ? () => void navigate({ to: '/marac/refer', search: { case: caseId } }) : undefined;
  return (
    <CaseDetail key={caseId} caseId={caseId} exportsAllowed={exportsAllowed} onBack={goTo.queue} onShowSyncProblems={goTo.syncProblems}
      onOpenPerson={goTo.openPerson} onOpenTask={openTask} onReferToMarac={referToMarac} />
  );
}

function SyncProblemsRoute() {
  const goTo = useGoTo();
  const { sync } = useWorkspace();
  return <SyncProblems status={sync.status} onBack={goTo.queue} onOpenCase={goTo.openCase} />;
}

function TasksRoute() {
  const { view } = tasksRoute.useSearch();
  const navigate = tasksRoute.useNavigate();
  const goTo = useGoTo();
  return (
    <Tasks
      view={view}
      onViewChange={(next) => void navigate({ search: { view: next } })}
      onOpenTask={(taskId) => void navigate({ to: '/tasks/$taskId', params: { taskId } })}
      onBack={goTo.queue}
    />
  );
}

function TaskRoute() {
  const { taskId } = taskRoute.useParams();
  const router = useRouter();
  const canGoBack = useCanGoBack();
  const goTo = useGoTo();
  // Back returns to where the task was opened from (a tasks view or its case), else to My tasks.
  const back = () => (canGoBack ? router.history.back() : void router.navigate({ to: '/tasks', search: { view: 'mine' } }));
  return <TaskDetail key={taskId} taskId={taskId} onBack={back} onOpenCase={goTo.openCase} onShowSyncProblems={goTo.syncProblems} />;
}

function NotificationsRoute() {
  const goTo = useGoTo();
  const navigate = useNavigate();
  return <Notifications onBack={goTo.queue} onOpenCase={goTo.openCase} onOpenTask={(taskId) => void navigate({ to: '/tasks/$taskId', params: { taskId } })} onOpenAccessRequests={() => void navigate({ to: '/access-requests' })} />;
}

function AccessRequestsRoute() {
  const goTo = useGoTo();
  const { user } = useWorkspace();
  return <AccessRequests userId={user.id} decides={DECIDING_ROLES.includes(user.role)} onBack={goTo.queue} onOpenCase={goTo.openCase} />;
}

function AuditRoute() {
  const search = auditRoute.useSearch();
  const navigate = auditRoute.useNavigate();
  const goTo = useGoTo();
  const { user } = useWorkspace();
  const scope = auditScopeOf(user);
  // Only the roles with an audit scope see the screen; anyone else reaching the URL is sent to the queue.
  if (scope === null) {
    return <Navigate to="/queue" replace />;
  }
  // Each search is its own place in history, so Back returns to the previous filters.
  // Only data officers export the trail (the server refuses anyone else).
  const renderExport = scope.kind === 'agency' ? (filters: AuditExportFilters) => <AuditExport filters={filters} /> : undefined;
  return <Audit search={search} scope={scope.kind} onSearch={(next) => void navigate({ search: next })} onBack={goTo.queue} renderExport={renderExport} />;
}

function SarsRoute() {
  const { view } = sarsRoute.useSearch();
  const navigate = useNavigate();
  const goTo = useGoTo();
  const { user } = useWorkspace();
  // Only data officers work requests; anyone else reaching the URL is sent to the queue (the server refuses them too).
  if (!handlesSars(user)) {
    return <Navigate to="/queue" replace />;
  }
  return (
    <Sars
      view={view}
      onViewChange={(next) => void navigate({ to: '/sars', search: { view: next } })}
      onOpenSar={(sarId) => void navigate({ to: '/sars/$sarId', params: { sarId } })}
      onOpenConsultation={(consultationId) => void navigate({ to: '/sar-consultations/$consultationId', params: { consultationId } })}
      onBack={goTo.queue}
    />
  );
}

function SarRoute() {
  const { sarId } = sarRoute.useParams();
  const navigate = useNavigate();
  return (
    <SarDetail key={sarId} sarId={sarId} onBack={() => void navigate({ to: '/sars', search: { view: 'open' } })}
      onRedact={() => void navigate({ to: '/sars/$sarId/redact', params: { sarId } })} />
  );
}

function SarRedactRoute() {
  const { sarId } = sarRedactRoute.useParams();
  const navigate = useNavigate();
  const { user } = useWorkspace();
  if (!handlesSars(user)) {
    return <Navigate to="/queue" replace />;
  }
  return <OwnPartRedaction key={sarId} sarId={sarId} onBack={() => void navigate({ to: '/sars/$sarId', params: { sarId } })} />;
}

function ConsultationRoute() {
  const { consultationId } = consultationRoute.useParams();
  const navigate = useNavigate();
  return <ConsultationDetail key={consultationId} consultationId={consultationId} onBack={() => void navigate({ to: '/sars', search: { view: 'open' } })} />;
}

function RetentionRoute() {
  const goTo = useGoTo();
  const { user } = useWorkspace();
  // Only data officers have a review list; anyone else reaching the URL is sent to the queue.
  if (!mayListRetentionReviews(user)) {
    return <Navigate to="/queue" replace />;
  }
  return <Retention onBack={goTo.queue} />;
}

function RetentionRulesRoute() {
  const goTo = useGoTo();
  const { user } = useWorkspace();
  // Only a system admin sets the rules; anyone else reaching the URL is sent to the queue.
  if (!maySetRetentionRules(user)) {
    return <Navigate to="/queue" replace />;
  }
  return <RetentionRules onBack={goTo.queue} />;
}

function DashChecklistRoute() {
  const { personId } = dashChecklistRoute.useParams();
  const { case: caseId } = dashChecklistRoute.useSearch();
  const router = useRouter();
  const back = () => void router.navigate({ to: '/persons/$personId', params: { personId } });
  // A referral started from a case keeps the case through the checklist.
  const refer = (assessmentId: string) => void router.navigate({ to: '/persons/$personId/refer/$assessmentId', params: { personId, assessmentId }, search: { case: caseId } });
  return <DashChecklist key={personId} personId={personId} onBack={back} onRefer={refer} />;
}

function ReferralFormRoute() {
  const { personId, assessmentId } = referralFormRoute.useParams();
  const { case: caseId } = referralFormRoute.useSearch();
  const router = useRouter();
  // Back to the case a referral was started from, otherwise to the victim.
  const back = () => void (caseId === undefined
    ? router.navigate({ to: '/persons/$personId', params: { personId } })
    : router.navigate({ to: '/cases/$caseId', params: { caseId } }));
  return <ReferralForm key={assessmentId} victimId={personId} dashAssessmentId={assessmentId} caseId={caseId} onBack={back} />;
}

function DashboardRoute() {
  const goTo = useGoTo();
  const { user } = useWorkspace();
  return <Dashboard user={user} onBack={goTo.queue} />;
}

function MaracReferRoute() {
  const goTo = useGoTo();
  const navigate = useNavigate();
  const { user } = useWorkspace();
  const { case: caseId } = maracReferRoute.useSearch();
  // Offered to those who assess risk; anyone else reaching the URL is sent to the queue.
  if (!makesMaracReferrals(user)) {
    return <Navigate to="/queue" replace />;
  }
  const search = { case: caseId };
  return (
    <StartReferral caseId={caseId} onBack={caseId === undefined ? goTo.queue : () => goTo.openCase(caseId)}
      onChecklist={(personId) => void navigate({ to: '/persons/$personId/dash', params: { personId }, search })}
      onRefer={(personId, assessmentId) => void navigate({ to: '/persons/$personId/refer/$assessmentId', params: { personId, assessmentId }, search })} />
  );
}

function MaracReferralsRoute() {
  const goTo = useGoTo();
  return <Referrals onBack={goTo.queue} />;
}

function MaracMeetingsRoute() {
  const goTo = useGoTo();
  const navigate = useNavigate();
  const { user } = useWorkspace();
  return (
    <Meetings coordinator={user.role === 'marac_coordinator'} onBack={goTo.queue}
      onOpenMeeting={(meetingId) => void navigate({ to: '/marac/meetings/$meetingId', params: { meetingId } })}
      onOpenTracker={() => void navigate({ to: '/marac/actions' })} />
  );
}

function MaracMeetingRoute() {
  const { meetingId } = maracMeetingRoute.useParams();
  const navigate = useNavigate();
  return (
    <Meeting key={meetingId} meetingId={meetingId} onBack={() => void navigate({ to: '/marac/meetings' })}
      onDataReturn={() => void navigate({ to: '/marac/data-return', search: { meeting: meetingId } })} />
  );
}

function MaracActionsRoute() {
  const navigate = useNavigate();
  return <ActionTracker onBack={() => void navigate({ to: '/marac/meetings' })} />;
}

function MaracDataReturnRoute() {
  const goTo = useGoTo();
  const navigate = useNavigate();
  const { user } = useWorkspace();
  const search = maracDataReturnRoute.useSearch();
  return <DataReturn agencyId={user.agencyId} search={search} onBack={goTo.queue} onSearch={(next) => void navigate({ to: '/marac/data-return', search: next })} />;
}

function MarkersReviewRoute() {
  const goTo = useGoTo();
  return <MarkersForReview onBack={goTo.queue} onOpenCase={goTo.openCase} onOpenPerson={goTo.openPerson} />;
}

function PersonSearchRoute() {
  const search = personSearchRoute.useSearch();
  const navigate = personSearchRoute.useNavigate();
  const goTo = useGoTo();
  // Each search is its own place in history, so Back returns to the previous one.
  return <PersonSearch search={search} onSearch={(next) => void navigate({ search: next })} onOpenPerson={goTo.openPerson} />;
}

function PersonRoute() {
  const { personId } = personRoute.useParams();
  const goTo = useGoTo();
  const router = useRouter();
  const canGoBack = useCanGoBack();
  // Back to wherever the profile was opened from (a search, a case); from a link, to the person search.
  const back = () => (canGoBack ? router.history.back() : void router.navigate({ to: '/persons' }));
  const { user } = useWorkspace();
  // Practitioners and their managers assess risk; coordinators and officers do not record checklists here.
  const assesses = makesMaracReferrals(user);
  const dash = () => void router.navigate({ to: '/persons/$personId/dash', params: { personId } });
  return <PersonProfile key={personId} personId={personId} onBack={back} onOpenCase={goTo.openCase} onDashChecklist={assesses ? dash : undefined} />;
}
