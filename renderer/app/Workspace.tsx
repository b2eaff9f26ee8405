/** The signed-in app: top bar over the case queue, a case, the Sync problems or the Notifications screen. */
import { useState } from 'react';
import type { SessionUser } from '../../domain/entities.ts';
import { cacheRefreshKey } from '../api/cache-refresh-key.ts';
import { CaseDetail } from '../screens/case/CaseDetail.tsx';
import { CaseQueue } from '../screens/queue/CaseQueue.tsx';
import { Notifications } from '../screens/notifications/Notifications.tsx';
import { OfflineBanner } from '../components/OfflineBanner.tsx';
import { SyncProblems } from '../screens/sync-problems/SyncProblems.tsx';
import { TopBar } from './TopBar.tsx';
import type { UiSettingsState } from '../api/use-ui-settings.ts';
import { useSyncStatus } from '../api/use-sync-status.ts';

/** Which screen the workspace shows. */
type View = { name: 'queue' } | { name: 'case'; caseId: string } | { name: 'sync-problems' } | { name: 'notifications' };

/** Rows per queue page when the core could not say what the user chose (its own default). */
const FALLBACK_PAGE_SIZE = 50;

/** What the workspace needs from the app. */
export interface WorkspaceProps {
  user: SessionUser;
  /** The core says the session was started without the server (see OfflineBanner). */
  offline: boolean;
  settings: UiSettingsState;
  onSignedOut: () => void;
}

/**
 * What a signed-in person sees; sync status is shared by the indicator and the screens. The queue
 * stays mounted (hidden) behind the other screens, so its filter and page survive a visit to a case.
 */
export function Workspace({ user, offline, settings, onSignedOut }: WorkspaceProps) {
  const sync = useSyncStatus();
  const [view, setView] = useState<View>({ name: 'queue' });
  const refreshKey = cacheRefreshKey(sync.status);
  const toQueue = () => setView({ name: 'queue' });
  const openCase = (caseId: string) => setView({ name: 'case', caseId });
  const showSyncProblems = () => setView({ name: 'sync-problems' });
  const showNotifications = () => setView({ name: 'notifications' });
  const effective = settings.settings?.effective;
  // Until the settings are known the queue waits, so it does not load one page size and then another.
  const pageSize = effective?.queuePageSize ?? (settings.loadError ? FALLBACK_PAGE_SIZE : null);
  // Null while unknown: saving a document is offered only once the policy is known to allow it.
  const exportsAllowed = effective?.exportsAllowed ?? null;
  return (
    <div className="workspace">
      <TopBar user={user} sync={sync} settings={settings} onSignedOut={onSignedOut} onShowSyncProblems={showSyncProblems} onShowNotifications={showNotifications} />
      <OfflineBanner offline={offline} />
      <main className="workspace__main">
        <div className="workspace__view" hidden={view.name !== 'queue'}>
          <CaseQueue refreshKey={refreshKey} pageSize={pageSize} onOpenCase={openCase} />
        </div>
        {view.name === 'case' && (
          <div className="workspace__view workspace__view--scroll">
            <CaseDetail
              key={view.caseId}
              caseId={view.caseId}
              refreshKey={refreshKey}
              exportsAllowed={exportsAllowed}
              onBack={toQueue}
              onShowSyncProblems={showSyncProblems}
            />
          </div>
        )}
        {view.name === 'notifications' && (
          <div className="workspace__view workspace__view--scroll">
            <Notifications onBack={toQueue} />
          </div>
        )}
        {view.name === 'sync-problems' && (
          <div className="workspace__view workspace__view--scroll">
            <SyncProblems status={sync.status} onBack={toQueue} onOpenCase={openCase} />
          </div>
        )}
      </main>
    </div>
  );
}
