/** The Notifications screen: the user's own notifications (read state, links) and what partner agencies did with people this agency owns. Read from the server. */
import { useEffect, useId, useRef } from 'react';
import { BackToQueueHeading } from '../../components/BackToQueueHeading.tsx';
import { errorBodyOf } from '../../api/desktop-call-error.ts';
import { useDesktopQuery } from '../../api/desktop-query.ts';
import { NotificationList } from './NotificationList.tsx';
import { MyNotificationList, type MyNotificationLinks } from './MyNotificationList.tsx';
import { useMyNotifications } from '../../api/use-my-notifications.ts';
import { RetryAlert } from '../../components/RetryAlert.tsx';
import { Page } from '../../components/Page.tsx';
import styles from './Notifications.module.css';

/** What the screen needs from the workspace. */
export interface NotificationsProps extends MyNotificationLinks {
  onBack: () => void;
}

/** Loads the list when opened (and again on "Try again"); offline it says the list needs a connection. */
export function Notifications({ onBack, ...links }: NotificationsProps) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  // Read from the server each time the screen opens: never an old copy of someone else's actions.
  const query = useDesktopQuery('notifications.list', null, { staleTime: 0, gcTime: 0 });
  const mine = useMyNotifications();
  const mineFailure = errorBodyOf(mine.query.error) ?? errorBodyOf(mine.markError);
  const unread = mine.query.data?.unread ?? 0;

  useEffect(() => {
    heading.current?.focus();
  }, []);

  const loading = query.isFetching;
  const failure = errorBodyOf(query.error);
  return (
    <Page aria-labelledby={`${id}-title`} aria-busy={loading} data-testid="notifications">
      <BackToQueueHeading id={`${id}-title`} title="Notifications" headingRef={heading} onBack={onBack} />
      <section className={styles.section} aria-labelledby={`${id}-mine`}>
        <div className={styles.sectionHead}>
          <h2 id={`${id}-mine`}>For you{unread > 0 ? ` (${unread} unread)` : ''}</h2>
          {unread > 0 && <button type="button" className="button" disabled={mine.marking} onClick={mine.markAllRead}>Mark all as read</button>}
        </div>
        {mine.query.isPending && <p className={styles.intro}>Loading…</p>}
        {mineFailure && <RetryAlert error={mineFailure} onRetry={() => void mine.query.refetch()} className="empty-state" />}
        {mine.query.data && <MyNotificationList notifications={mine.query.data.notifications} busy={mine.marking} onMarkRead={mine.markRead} {...links} />}
      </section>
      <h2>Your agency&apos;s people</h2>
      <p className={styles.intro}>What partner agencies did with people your agency owns.</p>
      {loading && <p className={styles.intro}>Loading…</p>}
      {!loading && failure && <RetryAlert error={failure} onRetry={() => void query.refetch()} className="empty-state" />}
      {!loading && query.data && <NotificationList notifications={query.data.notifications} />}
    </Page>
  );
}
