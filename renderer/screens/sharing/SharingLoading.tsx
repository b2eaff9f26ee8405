/** The sharing dialog while its sharing is read from the server, or when it could not be (offline: it says so). */
import type { ErrorBody } from '../../../domain/errors.ts';
import { ModalDialog } from '../../components/ModalDialog.tsx';
import { sharingErrorMessage } from '../../words/sharing-words.ts';
import styles from './SharingDialog.module.css';

export interface SharingLoadingProps {
  title: string;
  error: ErrorBody | null;
  onClose: () => void;
  onRetry: () => void;
}

/** Loading, or the failure worded with "Try again". */
export function SharingLoading({ title, error, onClose, onRetry }: SharingLoadingProps) {
  return (
    <ModalDialog title={title} onClose={onClose}>
      <div className={styles.form}>
        {error === null ? (
          <p role="status">Reading who can see this from the server…</p>
        ) : (
          <p className="form-error" role="alert">{sharingErrorMessage(error)}</p>
        )}
        <div className={styles.actions}>
          {error !== null && (
            <button type="button" className="button" onClick={onRetry}>
              Try again
            </button>
          )}
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </ModalDialog>
  );
}
