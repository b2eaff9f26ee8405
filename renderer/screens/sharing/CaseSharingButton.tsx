/** "Sharing…" on the case screen, for those who may decide who sees the case: opens the sharing dialog, read from and saved to the server. */
import { useState } from 'react';
import { SHARING_LEVELS } from '../../../domain/vocabulary.ts';
import { useDesktopApi } from '../../api/desktop-api-context.ts';
import { errorBodyOf } from '../../api/desktop-call-error.ts';
import { useDesktopQuery } from '../../api/desktop-query.ts';
import { SharingDialog } from './SharingDialog.tsx';
import { SharingLoading } from './SharingLoading.tsx';
import { caseCurrent } from './sharing-current.ts';
import styles from './SharingDialog.module.css';

export interface CaseSharingButtonProps {
  caseId: string;
}

/** The button, the dialog while open, and what was saved. */
export function CaseSharingButton({ caseId }: CaseSharingButtonProps) {
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <div className={styles.actions}>
      <button type="button" className="button" onClick={() => { setSaved(null); setOpen(true); }}>
        Sharing…
      </button>
      {saved !== null && <p role="status" className={styles.hint} data-testid="sharing-saved">Sharing saved. {saved}</p>}
      {open && <CaseSharingDialog caseId={caseId} onClose={() => setOpen(false)} onSaved={(summary) => { setOpen(false); setSaved(summary); }} />}
    </div>
  );
}

function CaseSharingDialog({ caseId, onClose, onSaved }: { caseId: string; onClose: () => void; onSaved: (summary: string) => void }) {
  const api = useDesktopApi();
  // Read afresh each time the dialog opens (gcTime 0), never from an earlier answer.
  const query = useDesktopQuery('sharing.case', { caseId }, { gcTime: 0, staleTime: Infinity, retry: false });
  const title = 'Who can see this case';
  if (!query.data) {
    return <SharingLoading title={title} error={query.isError ? errorBodyOf(query.error) : null} onClose={onClose} onRetry={() => void query.refetch()} />;
  }
  const view = query.data;
  return (
    <SharingDialog
      what="this case"
      title={title}
      levels={SHARING_LEVELS}
      owner={view.owner}
      agencies={view.agencies}
      current={caseCurrent(view)}
      bounds={null}
      readOnly={null}
      save={(choice, { version: expectedVersion }) => api['sharing.setCase']({
        caseId, sharingLevel: choice.sharingLevel === 'case' ? 'owner_agency' : choice.sharingLevel,
        agencyIds: [...choice.agencyIds], teamIds: [...choice.teamIds], userIds: [...choice.userIds],
        hiddenFromSearch: choice.hiddenFromSearch ?? false, expectedVersion,
      })}
      reload={async () => {
        const r = await api['sharing.case']({ caseId });
        return r.ok ? caseCurrent(r.value) : null;
      }}
      onClose={onClose}
      onSaved={onSaved}
    />
  );
}
