/** The MARAC coordinator's action tracker (#/marac/actions): every action of their areas' meetings, with status. Read from the server. */
import { useEffect, useId, useRef, useState } from 'react';
import { errorBodyOf } from '../../api/desktop-call-error.ts';
import { useDesktopQuery } from '../../api/desktop-query.ts';
import { BackToQueueHeading } from '../../components/BackToQueueHeading.tsx';
import { Page } from '../../components/Page.tsx';
import { RetryAlert } from '../../components/RetryAlert.tsx';
import { ActionTable } from './ActionTable.tsx';
import styles from './Meetings.module.css';

/** What the screen needs from the workspace. */
export interface ActionTrackerProps {
  onBack: () => void;
}

/** The tracker; "Unfinished only" narrows it to open and in-progress actions. */
export function ActionTracker({ onBack }: ActionTrackerProps) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [openOnly, setOpenOnly] = useState(false);
  const query = useDesktopQuery('marac.actions.list', { openOnly }, { staleTime: 0, gcTime: 0 });
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const failure = errorBodyOf(query.error);
  return (
    <Page aria-labelledby={`${id}-title`} aria-busy={query.isFetching} data-testid="marac-action-tracker">
      <BackToQueueHeading id={`${id}-title`} title="MARAC action tracker" headingRef={heading} onBack={onBack} />
      <p className={styles.intro}>Actions agreed at your areas’ meetings. Owners update their status from their tasks.</p>
      <label className={styles.check}><input type="checkbox" checked={openOnly} onChange={(e) => setOpenOnly(e.target.checked)} />Unfinished only</label>
      {query.isFetching && <p className={styles.intro}>Loading…</p>}
      {!query.isFetching && failure && <RetryAlert error={failure} onRetry={() => void query.refetch()} className="empty-state" />}
      {!query.isFetching && query.data && <ActionTable actions={query.data.actions} labelledBy={`${id}-title`} showMeeting />}
    </Page>
  );
}

