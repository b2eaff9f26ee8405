/** The labelled password input the sign-in and lock screens share. */

/** The field's id (for its label), value and change handler; `autoFocus` when it is the first thing to type. */
export interface PasswordFieldProps {
  id: string;
  value: string;
  onChange: (value: string) => void;
  autoFocus?: boolean;
}

/** "Password" with an input the browser may fill from its saved current password. */
export function PasswordField({ id, value, onChange, autoFocus = false }: PasswordFieldProps) {
  return (
    <>
      <label className="field__label" htmlFor={id}>
        Password
      </label>
      <input
        id={id}
        className="field__input"
        name="password"
        type="password"
        autoComplete="current-password"
        autoFocus={autoFocus}
        required
        maxLength={512}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </>
  );
}
