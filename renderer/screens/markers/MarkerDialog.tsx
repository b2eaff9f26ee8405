/**
 * Placing or editing a warning: type, description, review date and an optional last day. Saved on
 * this computer as a `marker.create` or `marker.update` and sent at the next sync (it works offline).
 */
import { useState } from 'react';
import { Controller } from 'react-hook-form';
import type { CaseDetailView } from '../../../domain/ipc/case-detail-view.ts';
import { newId } from '../../../domain/ids.ts';
import { MARKER_TYPES, type MarkerSubjectType } from '../../../domain/vocabulary.ts';
import { useDesktopApi } from '../../api/desktop-api-context.ts';
import { useSchemaForm } from '../../api/use-schema-form.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { DateField } from '../../components/DateField.tsx';
import { Field } from '../../components/Field.tsx';
import { ModalDialog } from '../../components/ModalDialog.tsx';
import { MARKER_TYPE_LABELS } from '../../words/display-labels.ts';
import { errorMessage } from '../../words/error-messages.ts';
import { DEFAULT_REVIEW_DAYS, endsOnOf, expiryOf, isoDateAfter, MarkerFormSchema, type MarkerFields } from './marker-draft.ts';
import styles from './MarkerDialog.module.css';
import { FormFooter } from '../../components/FormFooter.tsx';

/** Something a warning may be placed on, as the user reads it. */
export interface MarkerSubjectChoice {
  type: MarkerSubjectType;
  id: string;
  label: string;
}

/** A warning as the banner shows it. */
export type ShownMarker = CaseDetailView['markers'][number];

export type MarkerDialogProps =
  | { mode: 'place'; subjects: readonly MarkerSubjectChoice[]; onClose: () => void; onSaved: () => void }
  | { mode: 'edit'; marker: ShownMarker; onClose: () => void; onSaved: () => void };

const keyOf = (s: { type: string; id: string }) => `${s.type}:${s.id}`;

/** Open while rendered; it cannot be dismissed while saving. */
export function MarkerDialog(props: MarkerDialogProps) {
  const api = useDesktopApi();
  const editing = props.mode === 'edit' ? props.marker : null;
  const subjects = props.mode === 'place' ? props.subjects : [];
  const [subjectKey, setSubjectKey] = useState(subjects[0] ? keyOf(subjects[0]) : '');
  const form = useSchemaForm(MarkerFormSchema, editing
    ? { markerType: editing.markerType, description: editing.description, reviewDate: editing.reviewDate, endsOn: endsOnOf(editing.expiresAt) }
    : { markerType: 'staff_safety', description: '', reviewDate: isoDateAfter(new Date(), DEFAULT_REVIEW_DAYS), endsOn: null });
  const { errors } = form.formState;
  const { busy, error, submit } = useSubmit((fields: MarkerFields) => {
    const { endsOn, ...rest } = fields;
    if (editing) {
      return api['changes.submit']({ name: 'marker.update', args: { markerId: editing.id, ...rest, expiresAt: expiryOf(endsOn) } });
    }
    const subject = subjects.find((s) => keyOf(s) === subjectKey) ?? subjects[0];
    if (!subject) {
      throw new Error('No subject to place the warning on.');
    }
    return api['changes.submit']({
      name: 'marker.create', args: { markerId: newId(), subjectType: subject.type, subjectId: subject.id, ...rest, expiresAt: expiryOf(endsOn) },
    });
  }, { onSuccess: props.onSaved });

  const onlySubject = subjects.length === 1 ? subjects[0] : undefined;
  return (
    <ModalDialog title={editing ? 'Edit warning' : 'Add a warning'} onClose={props.onClose} dismissable={!busy}>
      <form className={styles.form} noValidate data-testid="marker-dialog" onSubmit={(event) => void form.handleSubmit((fields) => submit(fields))(event)}>
        {onlySubject && <p className={styles.note}>On {onlySubject.label}.</p>}
        {editing && <p className={styles.note}>On {editing.subjectName ?? (editing.subjectType === 'case' ? 'this case' : 'a record not held here')}.</p>}
        {subjects.length > 1 && (
          <Field label="On">
            <select className="field__input" value={subjectKey} onChange={(event) => setSubjectKey(event.target.value)}>
              {subjects.map((s) => (
                <option key={keyOf(s)} value={keyOf(s)}>
                  {s.label}
                </option>
              ))}
            </select>
          </Field>
        )}
        <Field label="Type" error={errors.markerType?.message}>
          <select className="field__input" {...form.register('markerType')}>
            {MARKER_TYPES.map((t) => (
              <option key={t} value={t}>
                {MARKER_TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Description" error={errors.description?.message}>
          <textarea className="field__input field__input--text" rows={4} {...form.register('description')} />
        </Field>
        <Controller
          control={form.control}
          name="reviewDate"
          render={({ field, fieldState }) => (
            <DateField label="Review by" value={field.value} onChange={field.onChange} error={fieldState.error?.message} />
          )}
        />
        <Controller
          control={form.control}
          name="endsOn"
          render={({ field, fieldState }) => (
            <DateField label="Last day shown (optional)" value={field.value} onChange={field.onChange} error={fieldState.error?.message} />
          )}
        />
        <FormFooter refusal={error ? errorMessage(error.code) : null} busy={busy} submitLabel="Save warning" onCancel={props.onClose} />
      </form>
    </ModalDialog>
  );
}
