/** The actions on one account row: disable or enable, reset the password, reset two-step sign-in, change teams. */
import type { AdminUser } from '../../../domain/http/user-admin-routes.ts';
import styles from './Admin.module.css';

/** An action's name as the screen runs it. */
export type UserAction = 'disable' | 'enable' | 'resetPassword' | 'resetTotp' | 'teams';

/** The account, whether it is the admin's own, whether a call is running, and what to run. */
export interface UserActionsProps {
  user: AdminUser;
  self: boolean;
  busy: boolean;
  onAction: (action: UserAction, user: AdminUser) => void;
}

/** Buttons named with the account's name, so a screen reader hears which row they act on. */
export function UserActions({ user, self, busy, onAction }: UserActionsProps) {
  const button = (action: UserAction, label: string) => (
    <button type="button" className="button" disabled={busy} aria-label={`${label}: ${user.displayName}`} onClick={() => onAction(action, user)}>
      {label}
    </button>
  );
  return (
    <div className={styles.rowActions}>
      {button('teams', 'Change teams')}
      {button('resetPassword', 'Reset password')}
      {user.totpEnabled && button('resetTotp', 'Reset two-step sign-in')}
      {!self && (user.disabled ? button('enable', 'Enable') : button('disable', 'Disable'))}
    </div>
  );
}
