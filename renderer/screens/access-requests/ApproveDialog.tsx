/**
 * "Approve access": the day the access ends (tomorrow to 90 days ahead; 30 days offered), refused
 * beside the field before anything is sent; the server compare-and-sets on the version the list showed.
 */
import { useState } from 'react';
import type { AccessRequestRecord } from '../../../domain/entities/access-request.ts';
import type { AccessRequestView } from '../../../domain/ipc/access-request-channels.ts';
import { useDesktopApi } from '../../api/desktop-api-context.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { DateField } from '../../components/DateField.tsx';
import { ModalDialog } from '../../components/ModalDialog.tsx';
import { accessDecisionErrorMessage } from '../../words/access-request-words.ts';
import type { ErrorBody } from '../../../domain/errors.ts';
import { DEFAULT_GRANT_DAYS, grantExpiresAt, grantExpiryError, localDatePlus } from './grant-expiry.ts';
import { requestedRecord } from './request-outcome.ts';
import styles from './AccessRequests.module.css';
import { FormFooter } from '../../components/FormFooter.tsx';

export interface ApproveDialogProps {
  request: AccessRequestView;
  now: () => Date;
  onClose: () => void;
  onDone: (request: AccessRequestRecord) => void;
  /** The server refused: the list may be out of date (decided meanwhile). */
  onRefused: (error: ErrorBody) => void;
}

/** Open while rendered; it cannot be dismissed while the approval is on its way. */
export function ApproveDialog({ request, now, onClose, onDone, onRefused }: ApproveDialogProps) {
  const api = useDesktopApi();
  const [date, setDate] = useState<string | null>(() => localDatePlus(now(), DEFAULT_GRANT_DAYS));
  const [tried, setTried] = useState(false);
  const { busy, error, submit } = useSubmit(
    (expiresOn: string) => api['accessRequests.approve']({ id: request.id, expiresAt: grantExpiresAt(expiresOn), expectedVersion: request.version }),
    { onSuccess: onDone, onFailure: onRefused },
  );
  const fieldError = tried ? grantExpiryError(date, now()) : undefined;
  return (
    <ModalDialog title={`Approve access for ${request.requesterName}`} onClose={onClose} dismissable={!busy}>
      <form
        className={styles.form}
        noValidate
        data-testid="approve-access-dialog"
        onSubmit={(event) => {
          event.preventDefault();
          setTried(true);
          if (date !== null && grantExpiryError(date, now()) === undefined) {
            void submit(date);
          }
        }}
      >
        <p className={styles.note}>
          {request.requesterName} ({request.requesterAgencyName}) will see {requestedRecord(request)} until the start of the day you choose, at most 90 days from
          today. You can withdraw the access earlier.
        </p>
        <DateField label="Access ends on" value={date} onChange={setDate} error={fieldError} />
        <FormFooter refusal={error ? accessDecisionErrorMessage(error) : null} busy={busy} submitLabel="Approve" onCancel={onClose} />
      </form>
    </ModalDialog>
  );
}
