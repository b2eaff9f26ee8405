/** A labelled form control with its refusal worded beside it, tied together for assistive technology. */
import { cloneElement, useId, type ReactElement } from 'react';

/** The label, the control (an input, select or textarea), and the error to show, if any. */
export interface FieldProps {
  label: string;
  error?: string | undefined;
  /** The control; it receives `id`, `aria-invalid` and `aria-describedby`. */
  children: ReactElement<{ id?: string; 'aria-invalid'?: boolean | undefined; 'aria-describedby'?: string | undefined }>;
}

/** Label above the control, the error under it (announced when it appears). */
export function Field({ label, error, children }: FieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {cloneElement(children, {
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': error ? errorId : undefined,
      })}
      {error && (
        <p id={errorId} className="field__error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
