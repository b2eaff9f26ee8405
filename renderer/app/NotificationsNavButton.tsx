/** The top bar's "Notifications" button, with the user's unread count ("Notifications, 3 unread" to a screen reader). */
import { useMyNotifications } from '../api/use-my-notifications.ts';
import styles from './NotificationsNavButton.module.css';

/** What the button needs. */
export interface NotificationsNavButtonProps {
  label: string;
  onClick: () => void;
}

/** The label, and a badge while anything is unread; the count is unknown (no badge) until the server answers. */
export function NotificationsNavButton({ label, onClick }: NotificationsNavButtonProps) {
  const unread = useMyNotifications().query.data?.unread ?? 0;
  return (
    <button type="button" className="button button--on-dark" onClick={onClick} aria-label={unread > 0 ? `${label}, ${unread} unread` : undefined}>
      {label}
      {unread > 0 && <span className={styles.badge} aria-hidden="true">{unread > 99 ? '99+' : unread}</span>}
    </button>
  );
}
