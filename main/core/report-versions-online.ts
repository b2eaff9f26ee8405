/** The `reports.versions` channel: a report's kept versions, from the server (the offline copy holds only the current text). */
import type { ReportVersionRecord } from '../../domain/entities/report.ts';
import { whenOnline, type OnlineDeps } from './when-online.ts';

/** Every version the server keeps, oldest first; its refusals (not found, not yours to see) pass through. */
export function reportVersionsOnline(deps: OnlineDeps, reportId: string): Promise<{ versions: ReportVersionRecord[] }> {
  return whenOnline("A report's earlier versions are kept on the server: try again when this computer is connected.", async () =>
    deps.api.call('listReportVersions', { params: { id: reportId }, accessToken: await deps.accessToken() }));
}
