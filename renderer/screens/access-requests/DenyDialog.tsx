/** "Deny access": the reason the requester is shown (required); the server compare-and-sets on the version the list showed. */
import { z } from 'zod';
import type { AccessRequestRecord } from '../../../domain/entities/access-request.ts';
import type { ErrorBody } from '../../../domain/errors.ts';
import { AccessRequestDenyInputSchema, type AccessRequestView } from '../../../domain/ipc/access-request-channels.ts';
import { useDesktopApi } from '../../api/desktop-api-context.ts';
import { useSchemaForm } from '../../api/use-schema-form.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { Field } from '../../components/Field.tsx';
import { ModalDialog } from '../../components/ModalDialog.tsx';
import { accessDecisionErrorMessage } from '../../words/access-request-words.ts';
import { requestedRecord } from './request-outcome.ts';
import styles from './AccessRequests.module.css';
import { FormFooter } from '../../components/FormFooter.tsx';

/** The reason, with the route's limits. */
const DenyFormSchema = z.object({ note: AccessRequestDenyInputSchema.shape.note });

export interface DenyDialogProps {
  request: AccessRequestView;
  onClose: () => void;
  onDone: (request: AccessRequestRecord) => void;
  onRefused: (error: ErrorBody) => void;
}

/** Open while rendered; it cannot be dismissed while the denial is on its way. */
export function DenyDialog({ request, onClose, onDone, onRefused }: DenyDialogProps) {
  const api = useDesktopApi();
  const form = useSchemaForm(DenyFormSchema, { note: '' });
  const { errors } = form.formState;
  const { busy, error, submit } = useSubmit(
    ({ note }: { note: string }) => api['accessRequests.deny']({ id: request.id, note, expectedVersion: request.version }),
    { onSuccess: onDone, onFailure: onRefused },
  );
  return (
    <ModalDialog title={`Deny access for ${request.requesterName}`} onClose={onClose} dismissable={!busy}>
      <form className={styles.form} noValidate data-testid="deny-access-dialog" onSubmit={(event) => void form.handleSubmit((fields) => submit(fields))(event)}>
        <p className={styles.note}>
          {request.requesterName} ({request.requesterAgencyName}) asked for {requestedRecord(request)}. They will see your reason.
        </p>
        <Field label="Reason for refusing" error={errors.note?.message}>
          <textarea className="field__input field__input--text" rows={4} {...form.register('note')} />
        </Field>
        <FormFooter refusal={error ? accessDecisionErrorMessage(error) : null} busy={busy} submitLabel="Deny" onCancel={onClose} />
      </form>
    </ModalDialog>
  );
}
