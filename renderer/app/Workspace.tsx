/** The signed-in app: a query cache, a router and the shared sync status for one user's session. */
import { createHashHistory, RouterProvider } from '@tanstack/react-router';
import { QueryClientProvider } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import type { SessionUser } from '../../domain/entities.ts';
import { createQueryClient } from '../api/query-client.ts';
import { useSyncInvalidation } from '../api/sync-invalidation.ts';
import type { UiSettingsState } from '../api/use-ui-settings.ts';
import { useSyncStatus } from '../api/use-sync-status.ts';
import type { QueueSearch } from '../screens/queue/queue-search.ts';
import { createAppRouter } from './routes.tsx';
import { WorkspaceContext, type WorkspaceState } from './workspace-context.ts';

/** What the workspace needs from the app. */
export interface WorkspaceProps {
  user: SessionUser;
  /** The core says the session was started without the server (see OfflineBanner). */
  offline: boolean;
  settings: UiSettingsState;
  onSignedOut: () => void;
}

/**
 * Mounted once per signed-in user (App keys it by user id), so the query cache of one user's
 * session is dropped with it: nothing one user read is ever shown to the next.
 */
export function Workspace({ user, offline, settings, onSignedOut }: WorkspaceProps) {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(() => createAppRouter(createHashHistory()));
  return (
    <QueryClientProvider client={queryClient}>
      <WorkspaceRoutes user={user} offline={offline} settings={settings} onSignedOut={onSignedOut} router={router} />
    </QueryClientProvider>
  );
}

/** The router under the query cache, with the one sync-status listener that keeps every screen fresh. */
function WorkspaceRoutes({ router, ...props }: WorkspaceProps & { router: ReturnType<typeof createAppRouter> }) {
  const sync = useSyncStatus();
  useSyncInvalidation(sync.status);
  const lastQueueSearch = useRef<QueueSearch>({});
  const { user, offline, settings, onSignedOut } = props;
  const state = useMemo<WorkspaceState>(
    () => ({ user, offline, settings, sync, onSignedOut, lastQueueSearch }),
    [user, offline, settings, sync, onSignedOut],
  );
  return (
    <WorkspaceContext value={state}>
      <RouterProvider router={router} />
    </WorkspaceContext>
  );
}
