/**
 * The task channels: lists and one task from the offline copy (a task opened is recorded as a view
 * of its case, as reads of the copy are), and who a new task may be given to, asked of the server
 * with the offline copy's agencies as the fallback when it cannot be reached.
 */
import { CodedError } from '../../domain/errors.ts';
import type { ChannelOutput, ChannelParsedInput } from '../../domain/ipc/contract.ts';
import type { ApiClient } from '../api/api-client.ts';
import { OFFLINE_CODES } from '../sync/sync-engine.ts';
import { auditedRead, caseViewed } from './audited-read.ts';
import type { ActiveSession } from '../session/session-manager.ts';

/** What the task channels need: the unlocked session, the API and an access token. */
export interface TaskDeps {
  active: ActiveSession;
  api: ApiClient;
  accessToken: () => Promise<string>;
}

/** The task channel handlers over `deps` (called per request, so a locked session refuses). */
export function taskHandlers(deps: () => TaskDeps) {
  return {
    'tasks.list': async ({ view }: ChannelParsedInput<'tasks.list'>): Promise<ChannelOutput<'tasks.list'>> => {
      const { active } = deps();
      return active.cache.tasks(active.user, view, new Date());
    },
    'tasks.detail': async ({ taskId }: ChannelParsedInput<'tasks.detail'>): Promise<ChannelOutput<'tasks.detail'>> => {
      const { active } = deps();
      return auditedRead(active, (cache) => cache.taskDetail(taskId, active.user, new Date()), (detail) => caseViewed(detail.task.caseId));
    },
    'tasks.assignees': async ({ caseId }: ChannelParsedInput<'tasks.assignees'>): Promise<ChannelOutput<'tasks.assignees'>> => {
      const d = deps();
      try {
        return { ...(await d.api.call('listTaskAssignees', { params: { id: caseId }, accessToken: await d.accessToken() })), complete: true };
      } catch (error) {
        if (!(error instanceof CodedError && OFFLINE_CODES.has(error.code))) {
          throw error;
        }
      }
      // Offline: a task can still be given to an agency the copy knows sees the case; teams and people need the server.
      const agencies = await d.active.cache.caseAgencies(caseId);
      return { agencies: agencies.map((a) => ({ ...a, teams: [], users: [] })), complete: false };
    },
  };
}
