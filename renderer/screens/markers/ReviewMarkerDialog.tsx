/** "Mark reviewed": the warning still stands, so the user sets when it is next reviewed (a `marker.update` of the review date). */
import { Controller } from 'react-hook-form';
import { PatchMarkerBodySchema } from '../../../domain/entities/marker.ts';
import { useDesktopApi } from '../../api/desktop-api-context.ts';
import { useSchemaForm } from '../../api/use-schema-form.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { DateField } from '../../components/DateField.tsx';
import { ModalDialog } from '../../components/ModalDialog.tsx';
import { MARKER_TYPE_LABELS } from '../../words/display-labels.ts';
import { errorMessage } from '../../words/error-messages.ts';
import { DEFAULT_REVIEW_DAYS, isoDateAfter } from './marker-draft.ts';
import type { ShownMarker } from './MarkerDialog.tsx';
import styles from './MarkerDialog.module.css';
import { FormFooter } from '../../components/FormFooter.tsx';

/** The next review date is required here. */
const ReviewFormSchema = PatchMarkerBodySchema.pick({ reviewDate: true }).required();

export interface ReviewMarkerDialogProps {
  marker: Pick<ShownMarker, 'id' | 'markerType' | 'description'>;
  onClose: () => void;
  onSaved: () => void;
}

/** Open while rendered. */
export function ReviewMarkerDialog({ marker, onClose, onSaved }: ReviewMarkerDialogProps) {
  const api = useDesktopApi();
  const form = useSchemaForm(ReviewFormSchema, { reviewDate: isoDateAfter(new Date(), DEFAULT_REVIEW_DAYS) });
  const { busy, error, submit } = useSubmit(
    ({ reviewDate }: { reviewDate: string }) => api['changes.submit']({ name: 'marker.update', args: { markerId: marker.id, reviewDate } }),
    { onSuccess: onSaved },
  );
  return (
    <ModalDialog title="Mark warning reviewed" onClose={onClose} dismissable={!busy}>
      <form className={styles.form} noValidate data-testid="review-marker-dialog" onSubmit={(event) => void form.handleSubmit((fields) => submit(fields))(event)}>
        <p className={styles.note}>
          {MARKER_TYPE_LABELS[marker.markerType]}: {marker.description}
        </p>
        <Controller
          control={form.control}
          name="reviewDate"
          render={({ field, fieldState }) => (
            <DateField label="Next review by" value={field.value ?? null} onChange={field.onChange} error={fieldState.error?.message} />
          )}
        />
        <FormFooter refusal={error ? errorMessage(error.code) : null} busy={busy} submitLabel="Mark reviewed" onCancel={onClose} />
      </form>
    </ModalDialog>
  );
}
