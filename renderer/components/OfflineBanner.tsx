/** The calm notice under the top bar while the session was started without the server. */
import styles from './OfflineBanner.module.css';

/** What people are told while signed in offline. */
export const OFFLINE_NOTICE = 'Signed in offline — your changes are kept on this computer and sent when Casebridge reconnects.';

/** Shown while the core says the session is offline (`signed_in` with `offline: true`); nothing otherwise. */
export function OfflineBanner({ offline }: { offline: boolean }) {
  if (!offline) {
    return null;
  }
  return (
    <p className={styles.banner} role="status" data-testid="offline-banner">
      {OFFLINE_NOTICE}
    </p>
  );
}
