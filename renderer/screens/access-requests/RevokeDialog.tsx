/** "Withdraw access": ends an approved grant now; sync then removes the record from the requester's computer. */
import type { AccessRequestRecord } from '../../../domain/entities/access-request.ts';
import type { ErrorBody } from '../../../domain/errors.ts';
import type { AccessRequestView } from '../../../domain/ipc/access-request-channels.ts';
import { useDesktopApi } from '../../api/desktop-api-context.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { ModalDialog } from '../../components/ModalDialog.tsx';
import { accessDecisionErrorMessage } from '../../words/access-request-words.ts';
import { requestedRecord } from './request-outcome.ts';
import styles from './AccessRequests.module.css';

export interface RevokeDialogProps {
  /** An approved request with a grant in force. */
  request: AccessRequestView & { grant: NonNullable<AccessRequestView['grant']> };
  onClose: () => void;
  onDone: (request: AccessRequestRecord) => void;
  onRefused: (error: ErrorBody) => void;
}

/** A choice with consequences: an alert dialog. */
export function RevokeDialog({ request, onClose, onDone, onRefused }: RevokeDialogProps) {
  const api = useDesktopApi();
  const { busy, error, submit } = useSubmit(() => api['accessRequests.revokeGrant']({ grantId: request.grant.id }), { onSuccess: onDone, onFailure: onRefused });
  return (
    <ModalDialog title={`Withdraw access for ${request.requesterName}?`} onClose={onClose} dismissable={!busy} role="alertdialog">
      <div className={styles.form} data-testid="revoke-access-dialog">
        <p className={styles.note}>
          {request.requesterName} ({request.requesterAgencyName}) will no longer see {requestedRecord(request)}. It leaves their computer when it next syncs.
        </p>
        {error && (
          <p className="form-error" role="alert">
            {accessDecisionErrorMessage(error)}
          </p>
        )}
        <div className={styles.actions}>
          <button type="button" className="button button--primary" disabled={busy} onClick={() => void submit()}>
            Withdraw access
          </button>
          <button type="button" className="button" disabled={busy} onClick={onClose}>
            Cancel
          </button>
        </div>
      </div>
    </ModalDialog>
  );
}
