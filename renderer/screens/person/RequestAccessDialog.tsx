/**
 * "Ask for access" to a person the user sees only as a stub: the reason, sent to the server (which
 * passes it to the agency that owns the person's record). The reason's limits are the server route's own.
 */
import type { AccessRequestRecord } from '../../../domain/entities/access-request.ts';
import type { PersonStub } from '../../../domain/entities/person.ts';
import { AccessRequestCreateInputSchema } from '../../../domain/ipc/access-request-channels.ts';
import { useDesktopApi } from '../../api/desktop-api-context.ts';
import { useSchemaForm } from '../../api/use-schema-form.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { Field } from '../../components/Field.tsx';
import { ModalDialog } from '../../components/ModalDialog.tsx';
import { accessRequestErrorMessage } from '../../words/access-request-words.ts';
import styles from './RequestAccessDialog.module.css';

/** What the user fills in: the request's reason, with the route's limits. */
const ReasonFormSchema = AccessRequestCreateInputSchema.pick({ reason: true });

export interface RequestAccessDialogProps {
  person: PersonStub;
  onClose: () => void;
  onSent: (request: AccessRequestRecord) => void;
}

/** Open while rendered; it cannot be dismissed while the request is on its way. */
export function RequestAccessDialog({ person, onClose, onSent }: RequestAccessDialogProps) {
  const api = useDesktopApi();
  const form = useSchemaForm(ReasonFormSchema, { reason: '' });
  const { errors } = form.formState;
  const { busy, error, submit } = useSubmit(
    ({ reason }: { reason: string }) => api['accessRequests.create']({ resourceType: 'person', resourceId: person.id, reason }),
    { onSuccess: onSent },
  );
  const agencies = person.involvedAgencies.map((a) => a.name).join(', ');
  return (
    <ModalDialog title={`Ask for access to ${person.displayName}`} onClose={onClose} dismissable={!busy}>
      <form className={styles.form} noValidate data-testid="request-access-dialog" onSubmit={(event) => void form.handleSubmit((fields) => submit(fields))(event)}>
        <p className={styles.note}>
          {agencies === '' ? 'No agency is named for this person.' : `Agencies involved: ${agencies}.`} The request goes to the agency that owns
          this person’s record, which decides whether to give you access for a limited time.
        </p>
        <Field label="Why do you need to see this person’s records?" error={errors.reason?.message}>
          <textarea className="field__input field__input--text" rows={5} {...form.register('reason')} />
        </Field>
        {error && (
          <p className="form-error" role="alert">
            {accessRequestErrorMessage(error)}
          </p>
        )}
        <div className={styles.actions}>
          <button type="submit" className="button button--primary" disabled={busy}>
            Send request
          </button>
          <button type="button" className="button" disabled={busy} onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
