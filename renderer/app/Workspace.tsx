/** The signed-in app: top bar over the case queue. */
import type { SessionUser } from '../../domain/entities.ts';
import { CaseQueue } from './CaseQueue.tsx';
import { TopBar } from './TopBar.tsx';
import { useSyncStatus } from './use-sync-status.ts';

/** What a signed-in person sees; sync status is shared by the indicator and the queue. */
export function Workspace({ user, onSignedOut }: { user: SessionUser; onSignedOut: () => void }) {
  const sync = useSyncStatus();
  return (
    <div className="workspace">
      <TopBar user={user} sync={sync} onSignedOut={onSignedOut} />
      <main className="workspace__main">
        <CaseQueue lastSyncedAt={sync.status?.lastSuccessAt ?? null} />
      </main>
    </div>
  );
}
