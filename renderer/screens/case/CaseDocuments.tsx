/** The case's documents (one attached on this computer and not yet on the server says it is waiting to sync), each with an "Open" action that saves its content from the offline copy (or downloads it first). */
import { useId, useState, type ReactNode } from 'react';
import type { CaseDetailView } from '../../../domain/ipc/case-detail-view.ts';
import { useDesktopApi } from '../../api/desktop-api-context.ts';
import { documentErrorMessage } from '../../words/document-error-message.ts';
import { formatDateTime } from '../../words/format-date-time.ts';
import { formatFileSize } from '../../words/format-file-size.ts';
import { saveDocument } from './save-document.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { classNames } from '../../components/class-names.ts';
import panelStyles from './CasePanel.module.css';
import styles from './CaseDocuments.module.css';

/** What the documents panel needs from the case screen. */
export interface CaseDocumentsProps {
  documents: CaseDetailView['documents'];
  /** Whether the machine policy lets documents be saved out of Casebridge; null while not known. */
  exportsAllowed: boolean | null;
  /** More actions on each document (the case screen adds "Sharing…"). */
  documentActions?: (document: CaseDetailView['documents'][number]) => ReactNode;
  /** What goes above the list (the case screen's "Attach a file" where the user may add documents). */
  upload?: ReactNode;
}

/** Why there is no "Open" action, when there is none. */
function noOpenReason(exportsAllowed: boolean | null): string | null {
  if (exportsAllowed === null) {
    return 'Documents can be opened once Casebridge has read the settings of this computer.';
  }
  return exportsAllowed ? null : 'Your organisation does not allow saving documents from Casebridge on this computer, so they cannot be opened here.';
}

/** The list; a failed "Open" is announced next to the document it was for. */
export function CaseDocuments({ documents, exportsAllowed, documentActions, upload }: CaseDocumentsProps) {
  const api = useDesktopApi();
  const id = useId();
  const [target, setTarget] = useState<string | null>(null);
  const open = useSubmit((documentId: string) => api['documents.content']({ documentId }), { onSuccess: saveDocument });
  const reason = noOpenReason(exportsAllowed);

  return (
    <section className={panelStyles.panel} aria-labelledby={`${id}-title`} data-testid="case-documents">
      <h2 id={`${id}-title`} className={panelStyles.title}>
        Documents
      </h2>
      {upload}
      {documents.length === 0 ? (
        <p className={panelStyles.empty}>No documents are held for this case on this computer.</p>
      ) : (
        <>
          {reason && <p className={panelStyles.empty} data-testid="documents-no-open">{reason}</p>}
          <ul className={panelStyles.list}>
            {documents.map((d) => (
              <li key={d.id} className={classNames(panelStyles.item, styles.document)}>
                <span className={classNames(panelStyles.main, styles.name)}>{d.fileName}</span>
                <span className={panelStyles.meta}>
                  {formatFileSize(d.sizeBytes)} · <time dateTime={d.createdAt}>{formatDateTime(d.createdAt)}</time>
                  {d.waitingToSync && ' · waiting to sync'}
                </span>
                {!reason && (
                  <button
                    type="button"
                    className="button"
                    aria-label={`Open ${d.fileName}`}
                    disabled={open.busy}
                    onClick={() => {
                      setTarget(d.id);
                      void open.submit(d.id);
                    }}
                  >
                    {open.busy && target === d.id ? 'Opening…' : 'Open'}
                  </button>
                )}
                {documentActions?.(d)}
                {open.error && target === d.id && (
                  <p className={classNames('form-error', styles.error)} role="alert">
                    {documentErrorMessage(open.error)}
                  </p>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
