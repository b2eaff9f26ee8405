/** The signed-in app: top bar over the case queue, a case, or the Sync problems screen. */
import { useState } from 'react';
import type { SessionUser } from '../../domain/entities.ts';
import { cacheRefreshKey } from './cache-refresh-key.ts';
import { CaseDetail } from './CaseDetail.tsx';
import { CaseQueue } from './CaseQueue.tsx';
import { SyncProblems } from './SyncProblems.tsx';
import { TopBar } from './TopBar.tsx';
import { useSyncStatus } from './use-sync-status.ts';

/** Which screen the workspace shows. */
type View = { name: 'queue' } | { name: 'case'; caseId: string } | { name: 'sync-problems' };

/**
 * What a signed-in person sees; sync status is shared by the indicator and the screens. The queue
 * stays mounted (hidden) behind the other screens, so its filter and page survive a visit to a case.
 */
export function Workspace({ user, onSignedOut }: { user: SessionUser; onSignedOut: () => void }) {
  const sync = useSyncStatus();
  const [view, setView] = useState<View>({ name: 'queue' });
  const refreshKey = cacheRefreshKey(sync.status);
  const toQueue = () => setView({ name: 'queue' });
  const openCase = (caseId: string) => setView({ name: 'case', caseId });
  const showSyncProblems = () => setView({ name: 'sync-problems' });
  return (
    <div className="workspace">
      <TopBar user={user} sync={sync} onSignedOut={onSignedOut} onShowSyncProblems={showSyncProblems} />
      <main className="workspace__main">
        <div className="workspace__view" hidden={view.name !== 'queue'}>
          <CaseQueue refreshKey={refreshKey} onOpenCase={openCase} />
        </div>
        {view.name === 'case' && (
          <div className="workspace__view workspace__view--scroll">
            <CaseDetail key={view.caseId} caseId={view.caseId} refreshKey={refreshKey} onBack={toQueue} onShowSyncProblems={showSyncProblems} />
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
