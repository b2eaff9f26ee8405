/** The top bar's "Notifications" button, with the user's unread count ("Notifications, 3 unread" to a screen reader). */
import { useMyNotifications } from '../api/use-my-notifications.ts';
import styles from './NotificationsNavButton.module.css';

/** What the button needs. */
export interface NotificationsNavButtonProps {
  label: string;
  onClick: () => void;
}

/**
 * The label, and a badge while anything is unread (its words are in the name, so the visible text and
 * the accessible name agree); no badge until the server answers.
 */
export function NotificationsNavButton({ label, onClick }: NotificationsNavButtonProps) {
  const unread = useMyNotifications().query.data?.unread ?? 0;
  return (
    <button type="button" className="button button--on-dark" onClick={onClick}>
      {label}
      <UnreadBadge count={unread} />
    </button>
  );
}

/** The unread count as a badge inside a button's name (", 3 unread" to a screen reader); nothing at 0. */
export function UnreadBadge({ count }: { count: number }) {
  if (count <= 0) {
    return null;
  }
  return (
    <span className={styles.badge}>
      <span className="visually-hidden">, </span>
      {count > 99 ? '99+' : count}
      <span className="visually-hidden"> unread</span>
    </span>
  );
}
