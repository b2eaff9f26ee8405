/**
 * "Ask for access" to a person the user sees only as a stub, or a case seen only as a signpost: the
 * reason, sent to the server (which passes it to the agency that owns the record). The reason's
 * limits are the server route's own.
 */
import type { AccessRequestRecord, AccessResourceType } from '../../../domain/entities/access-request.ts';
import { AccessRequestCreateInputSchema } from '../../../domain/ipc/access-request-channels.ts';
import { useDesktopApi } from '../../api/desktop-api-context.ts';
import { useSchemaForm } from '../../api/use-schema-form.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { Field } from '../../components/Field.tsx';
import { ModalDialog } from '../../components/ModalDialog.tsx';
import { accessRequestErrorMessage } from '../../words/access-request-words.ts';
import styles from './RequestAccessDialog.module.css';
import { FormFooter } from '../../components/FormFooter.tsx';

/** What the user fills in: the request's reason, with the route's limits. */
const ReasonFormSchema = AccessRequestCreateInputSchema.pick({ reason: true });

/** The record asked for, as the stub or signpost shows it. */
export interface AccessTarget {
  resourceType: AccessResourceType;
  id: string;
  /** The person's name or the case's reference. */
  displayName: string;
  /** The agencies named with it (a person's involved agencies; a case's owner). */
  agencyNames: readonly string[];
}

export interface RequestAccessDialogProps {
  target: AccessTarget;
  onClose: () => void;
  onSent: (request: AccessRequestRecord) => void;
}

/** Open while rendered; it cannot be dismissed while the request is on its way. */
export function RequestAccessDialog({ target, onClose, onSent }: RequestAccessDialogProps) {
  const api = useDesktopApi();
  const form = useSchemaForm(ReasonFormSchema, { reason: '' });
  const { errors } = form.formState;
  const { busy, error, submit } = useSubmit(
    ({ reason }: { reason: string }) => api['accessRequests.create']({ resourceType: target.resourceType, resourceId: target.id, reason }),
    { onSuccess: onSent },
  );
  const agencies = target.agencyNames.join(', ');
  const isPerson = target.resourceType === 'person';
  return (
    <ModalDialog title={`Ask for access to ${isPerson ? '' : 'case '}${target.displayName}`} onClose={onClose} dismissable={!busy}>
      <form className={styles.form} noValidate data-testid="request-access-dialog" onSubmit={(event) => void form.handleSubmit((fields) => submit(fields))(event)}>
        <p className={styles.note}>
          {agencies === '' ? `No agency is named for this ${target.resourceType}.` : `${isPerson ? 'Agencies involved' : 'Owned by'}: ${agencies}.`} The request goes to the
          agency that owns this {isPerson ? 'person’s record' : 'case'}, which decides whether to give you access for a limited time.
        </p>
        <Field label={isPerson ? 'Why do you need to see this person’s records?' : 'Why do you need to see this case?'} error={errors.reason?.message}>
          <textarea className="field__input field__input--text" rows={5} {...form.register('reason')} />
        </Field>
        <FormFooter refusal={error ? accessRequestErrorMessage(error) : null} busy={busy} submitLabel="Send request" onCancel={onClose} />
      </form>
    </ModalDialog>
  );
}
