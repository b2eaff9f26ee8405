/**
 * The user's own notifications: what happened, when, read or unread, a link to what it is about
 * and "Mark as read". The words come from the kind alone (no names or titles travel); the link
 * opens the task, case or access request, where the user's own access decides what they see.
 */
import { userNotificationText, type UserNotification } from '../../../domain/entities/user-notification.ts';
import { formatDateTime } from '../../words/format-date-time.ts';
import styles from './Notifications.module.css';

/** Where a notification's link goes. */
export interface MyNotificationLinks {
  onOpenTask: (taskId: string) => void;
  onOpenCase: (caseId: string) => void;
  onOpenAccessRequests: () => void;
}

/** What the list shows and does. */
export interface MyNotificationListProps extends MyNotificationLinks {
  notifications: readonly UserNotification[];
  busy: boolean;
  onMarkRead: (id: string) => void;
}

function Link({ n, links }: { n: UserNotification; links: MyNotificationLinks }) {
  if (n.taskId !== null) {
    return <button type="button" className="button" onClick={() => links.onOpenTask(n.taskId!)}>Open the task</button>;
  }
  if (n.accessRequestId !== null) {
    return <button type="button" className="button" onClick={links.onOpenAccessRequests}>Open access requests</button>;
  }
  if (n.caseId !== null) {
    return <button type="button" className="button" onClick={() => links.onOpenCase(n.caseId!)}>Open the case</button>;
  }
  return null;
}

/** One card per notification, newest first. */
export function MyNotificationList({ notifications, busy, onMarkRead, ...links }: MyNotificationListProps) {
  if (notifications.length === 0) {
    return <p className="empty-state">No notifications for you.</p>;
  }
  return (
    <ul className={styles.list} aria-label="Your notifications">
      {notifications.map((n) => (
        <li key={n.id} className={n.read ? styles.item : `${styles.item} ${styles.unread}`} data-testid="my-notification">
          <p className={styles.text}>
            <span className={styles.state}>{n.read ? 'Read' : 'Unread'}</span>{' '}
            {n.read ? userNotificationText(n.kind) : <strong>{userNotificationText(n.kind)}</strong>}
          </p>
          <p className={styles.when}>
            <time dateTime={n.createdAt}>{formatDateTime(n.createdAt)}</time>
          </p>
          <div className={styles.actions}>
            <Link n={n} links={links} />
            {!n.read && (
              <button type="button" className="button" disabled={busy} onClick={() => onMarkRead(n.id)} aria-label={`Mark as read: ${userNotificationText(n.kind)}, ${formatDateTime(n.createdAt)}`}>
                Mark as read
              </button>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
