/** The frame of every signed-in screen: top bar, offline notice, then the screen the URL names. */
import { Outlet, useNavigate } from '@tanstack/react-router';
import { OfflineBanner } from '../components/OfflineBanner.tsx';
import type { MainNavTarget } from './main-nav.ts';
import { TopBar } from './TopBar.tsx';
import { useWorkspace } from './workspace-context.ts';
import styles from './WorkspaceLayout.module.css';

/** The top bar stays while screens change below it. */
export function WorkspaceLayout() {
  const { user, offline, settings, sync, onSignedOut } = useWorkspace();
  const navigate = useNavigate();
  const open = (target: MainNavTarget) => {
    switch (target) {
      case 'dashboard': return void navigate({ to: '/dashboard' });
      case 'persons': return void navigate({ to: '/persons' });
      case 'tasks': return void navigate({ to: '/tasks', search: { view: 'mine' } });
      case 'notifications': return void navigate({ to: '/notifications' });
      case 'audit': return void navigate({ to: '/audit' });
      case 'retention': return void navigate({ to: '/retention' });
      case 'retention-rules': return void navigate({ to: '/retention/rules' });
      case 'marac-refer': return void navigate({ to: '/marac/refer' });
      case 'marac-referrals': return void navigate({ to: '/marac/referrals' });
      case 'marac-meetings': return void navigate({ to: '/marac/meetings' });
      case 'marac-data-return': return void navigate({ to: '/marac/data-return' });
      case 'markers-review': return void navigate({ to: '/markers/review' });
      case 'admin': return void navigate({ to: '/admin/users' });
      case 'access-requests': return void navigate({ to: '/access-requests' });
      case 'sars': return void navigate({ to: '/sars', search: { view: 'open' } });
    }
  };
  return (
    <div className={styles.workspace}>
      <TopBar
        user={user}
        sync={sync}
        settings={settings}
        onSignedOut={onSignedOut}
        onShowSyncProblems={() => void navigate({ to: '/sync-problems' })}
        onNavigate={open}
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
