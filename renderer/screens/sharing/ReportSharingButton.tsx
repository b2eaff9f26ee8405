/** "Sharing…" on a report: its author restricts it within its case; others see who can see it. Read from and saved to the server. */
import { useState } from 'react';
import { REPORT_SHARING_LEVELS } from '../../../domain/vocabulary.ts';
import { useDesktopApi } from '../../api/desktop-api-context.ts';
import { errorBodyOf } from '../../api/desktop-call-error.ts';
import { useDesktopQuery } from '../../api/desktop-query.ts';
import { SharingDialog } from './SharingDialog.tsx';
import { SharingLoading } from './SharingLoading.tsx';
import { caseBounds, reportCurrent } from './sharing-current.ts';
import styles from './SharingDialog.module.css';

export interface ReportSharingButtonProps {
  reportId: string;
  reportTitle: string;
}

/** The button (named after the report), the dialog while open, and what was saved. */
export function ReportSharingButton({ reportId, reportTitle }: ReportSharingButtonProps) {
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <div className={styles.actions}>
      <button type="button" className="button" aria-label={`Sharing of the report ${reportTitle}`} onClick={() => { setSaved(null); setOpen(true); }}>
        Sharing…
      </button>
      {saved !== null && <p role="status" className={styles.hint}>Sharing saved. {saved}</p>}
      {open && <ReportSharingDialog reportId={reportId} onClose={() => setOpen(false)} onSaved={(summary) => { setOpen(false); setSaved(summary); }} />}
    </div>
  );
}

function ReportSharingDialog({ reportId, onClose, onSaved }: { reportId: string; onClose: () => void; onSaved: (summary: string) => void }) {
  const api = useDesktopApi();
  const query = useDesktopQuery('sharing.report', { reportId }, { gcTime: 0, staleTime: Infinity, retry: false });
  const title = 'Who can see this report';
  if (!query.data) {
    return <SharingLoading title={title} error={query.isError ? errorBodyOf(query.error) : null} onClose={onClose} onRetry={() => void query.refetch()} />;
  }
  const view = query.data;
  return (
    <SharingDialog
      what="this report"
      title={title}
      levels={REPORT_SHARING_LEVELS}
      owner={view.report.owner}
      agencies={view.case.agencies}
      current={reportCurrent(view)}
      bounds={caseBounds(view.case)}
      readOnly={view.report.mayChange ? null : 'Only the report’s author can change who sees it.'}
      save={(choice, { version: expectedVersion }) => api['sharing.setReport']({
        reportId, sharingLevel: choice.sharingLevel, agencyIds: [...choice.agencyIds], teamIds: [...choice.teamIds], userIds: [...choice.userIds], expectedVersion,
      })}
      reload={async () => {
        const r = await api['sharing.report']({ reportId });
        return r.ok ? reportCurrent(r.value) : null;
      }}
      onClose={onClose}
      onSaved={onSaved}
    />
  );
}
