/**
 * The screens the top bar offers (main-nav.ts). In a narrow window, or at 200 % zoom, they fold
 * behind a "Menu" button that opens and closes them, so the bar does not fill the screen; choosing a
 * screen closes the menu again. While folded, the Menu button shows the unread notifications' count.
 */
import { useId, useState } from 'react';
import type { SessionUser } from '../../domain/entities.ts';
import { classNames } from '../components/class-names.ts';
import { useMyNotifications } from '../api/use-my-notifications.ts';
import { NotificationsNavButton, UnreadBadge } from './NotificationsNavButton.tsx';
import { mainNavItems, type MainNavTarget } from './main-nav.ts';
import styles from './MainNav.module.css';

/** What the navigation needs. */
export interface MainNavProps {
  user: SessionUser;
  onNavigate: (target: MainNavTarget) => void;
}

/** The Menu button (shown only when the window is narrow) and the navigation it opens. */
export function MainNav({ user, onNavigate }: MainNavProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  // Folded, the Notifications button is out of sight: the Menu button carries its unread count.
  const unread = useMyNotifications().query.data?.unread ?? 0;
  const go = (target: MainNavTarget) => {
    setOpen(false);
    onNavigate(target);
  };
  return (
    <>
      <button
        type="button"
        className={classNames('button button--on-dark', styles.menu)}
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
      >
        Menu
        {!open && <UnreadBadge count={unread} />}
      </button>
      <nav id={id} aria-label="Main" className={classNames(styles.nav, open && styles.open)}>
        {mainNavItems(user).map((item) => item.target === 'notifications' ? (
          <NotificationsNavButton key={item.target} label={item.label} onClick={() => go(item.target)} />
        ) : (
          <button key={item.target} type="button" className="button button--on-dark" onClick={() => go(item.target)}>
            {item.label}
          </button>
        ))}
      </nav>
    </>
  );
}
