/**
 * "Delete" beside a document the user may delete (its uploader, or a manager of its agency): a
 * confirmation naming the file, then the deletion is queued (online or not): the document leaves the
 * case at once and the server deletes it and its content when this computer is in sync (audited
 * there); a refusal then brings it back among refused changes. Cancel and Escape change nothing.
 */
import { useState } from 'react';
import { useDesktopApi } from '../../api/desktop-api-context.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { ModalDialog } from '../../components/ModalDialog.tsx';
import { errorMessage } from '../../words/error-messages.ts';
import styles from '../person-create/RecordPersonDialog.module.css';

export function DeleteDocumentButton({ documentId, fileName }: { documentId: string; fileName: string }) {
  const api = useDesktopApi();
  const [open, setOpen] = useState(false);
  const { busy, error, submit } = useSubmit(() => api['documents.delete']({ documentId }), { onSuccess: () => setOpen(false) });
  return (
    <>
      <button type="button" className="button" aria-label={`Delete ${fileName}`} onClick={() => setOpen(true)}>
        Delete
      </button>
      {open && (
        <ModalDialog title="Delete this document?" role="alertdialog" onClose={() => setOpen(false)} dismissable={!busy}>
          <p>
            “{fileName}” and its content will be deleted for everyone who can see this case. The audit trail keeps a record that it
            was deleted, by whom and when, but not the file.
          </p>
          {error && (
            <p className="form-error" role="alert">
              {errorMessage(error.code)}
            </p>
          )}
          <div className={styles.actions}>
            <button type="button" className="button button--primary" disabled={busy} onClick={() => void submit()}>
              Delete the document
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </ModalDialog>
      )}
    </>
  );
}
