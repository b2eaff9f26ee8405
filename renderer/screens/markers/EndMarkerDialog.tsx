/** "End warning now": asked first, because a safety warning that ends leaves every banner (a `marker.update` with an expiry of now). */
import { useDesktopApi } from '../../api/desktop-api-context.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { ModalDialog } from '../../components/ModalDialog.tsx';
import { MARKER_TYPE_LABELS } from '../../words/display-labels.ts';
import { errorMessage } from '../../words/error-messages.ts';
import type { ShownMarker } from './MarkerDialog.tsx';
import styles from './MarkerDialog.module.css';

export interface EndMarkerDialogProps {
  marker: Pick<ShownMarker, 'id' | 'markerType' | 'description'>;
  onClose: () => void;
  onSaved: () => void;
}

/** Open while rendered. */
export function EndMarkerDialog({ marker, onClose, onSaved }: EndMarkerDialogProps) {
  const api = useDesktopApi();
  const { busy, error, submit } = useSubmit(
    () => api['changes.submit']({ name: 'marker.update', args: { markerId: marker.id, expiresAt: new Date().toISOString() } }),
    { onSuccess: onSaved },
  );
  return (
    <ModalDialog title="End this warning now?" onClose={onClose} dismissable={!busy} role="alertdialog">
      <p className={styles.note}>
        {MARKER_TYPE_LABELS[marker.markerType]}: {marker.description}
      </p>
      <p>It stops showing to everyone who sees it, in every agency, once this computer next syncs. It stays on record.</p>
      {error && (
        <p className="form-error" role="alert">
          {errorMessage(error.code)}
        </p>
      )}
      <div className={styles.actions}>
        <button type="button" className="button button--primary" disabled={busy} onClick={() => void submit()}>
          End warning
        </button>
        <button type="button" className="button" disabled={busy} onClick={onClose}>
          Keep it
        </button>
      </div>
    </ModalDialog>
  );
}
