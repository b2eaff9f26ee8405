/** "Sharing…" on a document: its uploader (or a manager of its agency) restricts it within its case. Read from and saved to the server. */
import { useState } from 'react';
import { REPORT_SHARING_LEVELS } from '../../../domain/vocabulary.ts';
import { useDesktopApi } from '../../api/desktop-api-context.ts';
import { errorBodyOf } from '../../api/desktop-call-error.ts';
import { useDesktopQuery } from '../../api/desktop-query.ts';
import { SharingDialog } from './SharingDialog.tsx';
import { SharingLoading } from './SharingLoading.tsx';
import { caseBounds, documentCurrent } from './sharing-current.ts';
import styles from './SharingDialog.module.css';

export interface DocumentSharingButtonProps {
  documentId: string;
  fileName: string;
}

/** The button (named after the file), the dialog while open, and what was saved. */
export function DocumentSharingButton({ documentId, fileName }: DocumentSharingButtonProps) {
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <div className={styles.actions}>
      <button type="button" className="button" aria-label={`Sharing of ${fileName}`} onClick={() => { setSaved(null); setOpen(true); }}>
        Sharing…
      </button>
      {saved !== null && <p role="status" className={styles.hint}>Sharing saved. {saved}</p>}
      {open && <DocumentSharingDialog documentId={documentId} onClose={() => setOpen(false)} onSaved={(summary) => { setOpen(false); setSaved(summary); }} />}
    </div>
  );
}

function DocumentSharingDialog({ documentId, onClose, onSaved }: { documentId: string; onClose: () => void; onSaved: (summary: string) => void }) {
  const api = useDesktopApi();
  const query = useDesktopQuery('sharing.document', { documentId }, { gcTime: 0, staleTime: Infinity, retry: false });
  const title = 'Who can see this document';
  if (!query.data) {
    return <SharingLoading title={title} error={query.isError ? errorBodyOf(query.error) : null} onClose={onClose} onRetry={() => void query.refetch()} />;
  }
  const view = query.data;
  // The dialog's "Follow the case" is the document's `parent` (its case, or the report it is attached to).
  const level = (l: (typeof REPORT_SHARING_LEVELS)[number]) => (l === 'case' ? 'parent' : l);
  return (
    <SharingDialog
      what="this document"
      title={title}
      levels={REPORT_SHARING_LEVELS}
      owner={view.document.owner}
      agencies={view.case.agencies}
      current={documentCurrent(view)}
      bounds={caseBounds(view.case)}
      readOnly={view.document.mayChange ? null : 'Only the person who added this document, or a manager of their agency, can change who sees it.'}
      save={(choice, known) => api['sharing.setDocument']({
        documentId, sharingLevel: level(choice.sharingLevel), agencyIds: [...choice.agencyIds], teamIds: [...choice.teamIds], userIds: [...choice.userIds],
        expected: { sharingLevel: level(known.sharingLevel), agencyIds: [...known.agencyIds], teamIds: [...known.teamIds], userIds: [...known.userIds] },
      })}
      reload={async () => {
        const r = await api['sharing.document']({ documentId });
        return r.ok ? documentCurrent(r.value) : null;
      }}
      onClose={onClose}
      onSaved={onSaved}
    />
  );
}
