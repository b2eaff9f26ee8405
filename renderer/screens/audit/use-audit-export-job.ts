/** The export job a panel started: its latest status, polled while it runs. */
import type { AuditExportJob } from '../../../domain/audit/audit-export.ts';
import { useDesktopQuery } from '../../api/desktop-query.ts';

/** How often a running export's progress is read. */
export const EXPORT_POLL_MS = 1000;

/** The newest status of `started` (null before an export is started): read every `pollMs` while it runs. */
export function useAuditExportJob(started: AuditExportJob | null, pollMs = EXPORT_POLL_MS): AuditExportJob | null {
  const query = useDesktopQuery('auditExports.status', { exportId: started?.id ?? '' }, {
    enabled: started !== null && started.status === 'running',
    refetchInterval: (q) => (q.state.data === undefined || q.state.data.status === 'running' ? pollMs : false),
    ...(started ? { initialData: started } : {}),
    staleTime: 0,
  });
  if (started === null) {
    return null;
  }
  // A cancel answered after the last poll is newer than it.
  return started.status !== 'running' ? started : (query.data ?? started);
}
