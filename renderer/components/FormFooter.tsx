/** The end of a form: its refusal, worded, when there is one; then Save (whatever it is called) and, when the form can be closed, Cancel. */

/** What the end of a form shows. */
export interface FormFooterProps {
  /** Why the last attempt was refused, already worded for the user; nothing is shown when null. */
  refusal: string | null;
  /** While saving, both buttons are disabled. */
  busy: boolean;
  submitLabel: string;
  /** Closes the form without saving; there is no Cancel button without it. */
  onCancel?: (() => void) | undefined;
}

/** The refusal (an alert, so a screen reader says it) and the form's buttons. */
export function FormFooter({ refusal, busy, submitLabel, onCancel }: FormFooterProps) {
  return (
    <>
      {refusal !== null && (
        <p className="form-error" role="alert">
          {refusal}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button" disabled={busy} onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </>
  );
}
