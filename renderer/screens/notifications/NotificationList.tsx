/** Notifications to the user's agency in words: who did what to which of the agency's people, and when. */
import type { NotificationView } from '../../../domain/ipc/notification-channels.ts';
import { formatDateTime } from '../../words/format-date-time.ts';
import styles from './Notifications.module.css';

/** The list to show (newest first, as the server sends it). */
export interface NotificationListProps {
  notifications: readonly NotificationView[];
}

/** One line per notification; a person this computer's copy does not hold is named by their role only. */
export function NotificationList({ notifications }: NotificationListProps) {
  if (notifications.length === 0) {
    return <p className="empty-state">No notifications for your agency.</p>;
  }
  return (
    <ul className={styles.list}>
      {notifications.map((n) => (
        <li key={n.id} className={styles.item}>
          <p className={styles.text}>
            <strong>{n.fromAgency.name}</strong> attached {n.personName === null ? 'a person your agency owns' : <strong>{n.personName}</strong>}
            {n.personName === null ? '' : ', a person your agency owns,'} to one of their cases. They saw only a search result and gave a reason,
            which is in the audit trail; they see the minimal profile, not your record.
          </p>
          <p className={styles.when}>
            <time dateTime={n.createdAt}>{formatDateTime(n.createdAt)}</time>
          </p>
        </li>
      ))}
    </ul>
  );
}
