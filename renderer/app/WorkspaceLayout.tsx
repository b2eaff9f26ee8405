/** The frame of every signed-in screen: top bar, offline notice, then the screen the URL names. */
import { Outlet, useNavigate } from '@tanstack/react-router';
import { OfflineBanner } from '../components/OfflineBanner.tsx';
import { TopBar } from './TopBar.tsx';
import { useWorkspace } from './workspace-context.ts';
import styles from './WorkspaceLayout.module.css';

/** The top bar stays while screens change below it. */
export function WorkspaceLayout() {
  const { user, offline, settings, sync, onSignedOut } = useWorkspace();
  const navigate = useNavigate();
  return (
    <div className={styles.workspace}>
      <TopBar
        user={user}
        sync={sync}
        settings={settings}
        onSignedOut={onSignedOut}
        onShowSyncProblems={() => void navigate({ to: '/sync-problems' })}
        onShowNotifications={() => void navigate({ to: '/notifications' })}
        onFindPerson={() => void navigate({ to: '/persons' })}
        onShowAudit={() => void navigate({ to: '/audit' })}
        onShowReferrals={() => void navigate({ to: '/marac/referrals' })}
        onShowAdmin={() => void navigate({ to: '/admin/users' })}
      />
      <OfflineBanner offline={offline} />
      <main className={styles.main}>
        <div className={styles.view}>
          <Outlet />
        </div>
      </main>
    </div>
  );
}
