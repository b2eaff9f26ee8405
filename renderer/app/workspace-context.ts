/** What every signed-in screen may need from the workspace: the user, the session's mode, settings and sync. */
import { createContext, use } from 'react';
import type { SessionUser } from '../../domain/entities.ts';
import type { UiSettingsState } from '../api/use-ui-settings.ts';
import type { SyncState } from '../api/use-sync-status.ts';
import type { QueueSearch } from '../screens/queue/queue-search.ts';

/** The signed-in workspace's shared state; provided once by Workspace. */
export interface WorkspaceState {
  user: SessionUser;
  /** The core says the session was started without the server (see OfflineBanner). */
  offline: boolean;
  settings: UiSettingsState;
  sync: SyncState;
  /** The core has signed the user out: the app asks it for the session again. */
  onSignedOut: () => void;
  /** The queue's filter and page when last shown, where "Back to case queue" returns. */
  lastQueueSearch: { current: QueueSearch };
}

export const WorkspaceContext = createContext<WorkspaceState | null>(null);

/** The workspace state; throws outside the signed-in workspace (a wiring bug). */
export function useWorkspace(): WorkspaceState {
  const state = use(WorkspaceContext);
  if (!state) {
    throw new Error('useWorkspace needs the Workspace provider.');
  }
  return state;
}
