/**
 * The Dashboard: my workload, my teams' open cases, workload per worker (team managers), overdue
 * tasks by agency, cases waiting for allocation and cases past review. Counted from the offline copy,
 * so it works offline; each chart has its table behind "Show as table", and a count the queue can
 * filter to links to that queue.
 */
import { useEffect, useId, useRef } from 'react';
import type { SessionUser } from '../../../domain/entities.ts';
import type { Dashboard as DashboardData } from '../../../domain/ipc/dashboard-channels.ts';
import { errorBodyOf } from '../../api/desktop-call-error.ts';
import { useDesktopQuery } from '../../api/desktop-query.ts';
import { BackToQueueHeading } from '../../components/BackToQueueHeading.tsx';
import { Page } from '../../components/Page.tsx';
import { RetryAlert } from '../../components/RetryAlert.tsx';
import { formatDate } from '../../words/format-date-time.ts';
import { queueHref } from './dashboard-links.ts';
import { OverdueByAgencySection } from './OverdueByAgencySection.tsx';
import { RiskCountsSection } from './RiskCountsSection.tsx';
import { TeamCasesSection } from './TeamCasesSection.tsx';
import { WorkersSection } from './WorkersSection.tsx';
import styles from './Dashboard.module.css';

/** Who is looking, and where Back goes. */
export interface DashboardProps {
  user: SessionUser;
  onBack: () => void;
}

/** Loads the figures when opened; sync marks them stale, so they follow what arrives. */
export function Dashboard({ user, onBack }: DashboardProps) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const query = useDesktopQuery('dashboard.summary', null);

  useEffect(() => {
    heading.current?.focus();
  }, []);

  const failure = errorBodyOf(query.error);
  return (
    <Page aria-labelledby={`${id}-title`} aria-busy={query.isFetching} data-testid="dashboard">
      <BackToQueueHeading id={`${id}-title`} title="Dashboard" headingRef={heading} onBack={onBack} />
      {query.data && <p className={styles.intro}>Counted from the copy on this computer, as of {formatDate(query.data.today)}.</p>}
      {!query.data && query.isFetching && <p className={styles.intro} role="status">Loading…</p>}
      {failure && <RetryAlert error={failure} onRetry={() => void query.refetch()} className="empty-state" />}
      {query.data && <DashboardSections data={query.data} user={user} />}
    </Page>
  );
}

/** Every section, in the order of the issue: mine, my team's, my workers', then what needs attention. */
export function DashboardSections({ data, user }: { data: DashboardData; user: SessionUser }) {
  const { myWorkload } = data;
  return (
    <div className={styles.sections}>
      <RiskCountsSection
        title="My workload"
        caption="My open cases by risk level"
        testId="dashboard-my-workload"
        counts={myWorkload.openCasesByRisk}
        empty="You have no open cases."
        hrefFor={(risk) => queueHref({ tab: 'my_cases', status: 'open', risk })}
        figures={(
          <dl className={styles.figures}>
            <div>
              <dt>Open tasks</dt>
              <dd data-testid="my-open-tasks">{myWorkload.openTasks}</dd>
            </div>
            <div>
              <dt>Overdue tasks</dt>
              <dd data-testid="my-overdue-tasks">{myWorkload.overdueTasks}</dd>
            </div>
            <div>
              <dt>Cases with my tasks</dt>
              <dd><a href={queueHref({ tab: 'my_tasks' })}>Show in the queue</a></dd>
            </div>
          </dl>
        )}
      />
      <TeamCasesSection counts={data.teamCases} inATeam={user.teamIds.length > 0} />
      {data.workers !== null && <WorkersSection workers={data.workers} me={user} />}
      <OverdueByAgencySection counts={data.overdueTasksByAgency} />
      <RiskCountsSection
        title="Cases waiting for allocation"
        caption="My agency's open cases with no one allocated, by risk level"
        testId="dashboard-awaiting-allocation"
        counts={data.awaitingAllocation}
        empty="Every open case of your agency has someone allocated."
      />
      <RiskCountsSection
        title="Cases past their review date"
        caption="My agency's open cases past their review date, by risk level"
        testId="dashboard-past-review"
        counts={data.pastReview}
        empty="No open case of your agency is past its review date."
        hrefFor={(risk) => queueHref({ risk, overdue: 1, owner: user.agencyId })}
      />
    </div>
  );
}
