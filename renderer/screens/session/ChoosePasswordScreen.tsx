/** "Choose a new password": sign-in answered that an administrator set this user's password, so a new one comes first. */
import { useId, useState, type FormEvent } from 'react';
import { useDesktopApi } from '../../api/desktop-api-context.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { Splash } from '../../components/Splash.tsx';
import { classNames } from '../../components/class-names.ts';
import styles from './SignInScreen.module.css';

/** The username and the password the administrator gave, from the sign-in form; what happens after. */
export interface ChoosePasswordScreenProps {
  username: string;
  password: string;
  /** The authenticator code that got this far, when the account has a second factor: the change spends it. */
  totpCode?: string | undefined;
  onSignedIn: () => void;
  /** The password is changed but signing in with it needs the next code (the one given was spent on the change). */
  onNeedsNextCode?: (newPassword: string) => void;
  onCancel: () => void;
}

/** At least this long, as the server requires (domain/http/user-admin-routes.ts). */
const MIN_LENGTH = 12;

/** Two fields that must match; the core sets the password online and then signs in with it. */
export function ChoosePasswordScreen({ username, password, totpCode, onSignedIn, onNeedsNextCode, onCancel }: ChoosePasswordScreenProps) {
  const api = useDesktopApi();
  const id = useId();
  const [newPassword, setNewPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState<string | null>(null);
  const change = useSubmit(() => api['session.changePassword']({ username, password, newPassword, ...(totpCode === undefined ? {} : { totpCode }) }), {
    onSuccess: () => onSignedIn(),
    onFailure: (failure) => {
      if (failure.code === 'totp_required' || failure.code === 'totp_enrolment_required') {
        onNeedsNextCode?.(newPassword);
      }
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (newPassword.length < MIN_LENGTH) {
      setMismatch(`Your new password must be at least ${MIN_LENGTH} characters long.`);
    } else if (newPassword !== confirm) {
      setMismatch('The two passwords do not match. Type the same new password twice.');
    } else if (newPassword === password) {
      setMismatch('Choose a password different from the one you were given.');
    } else {
      setMismatch(null);
      change.onSubmit(event);
    }
  };
  const problem = mismatch ?? change.error?.message ?? null;

  return (
    <Splash>
      <form className={styles.card} aria-labelledby={`${id}-title`} onSubmit={submit} noValidate>
        <h1 id={`${id}-title`} className={styles.title}>
          Choose a new password
        </h1>
        <p className={styles.intro}>
          An administrator set the password for <strong>{username}</strong>. Choose your own, at least {MIN_LENGTH} characters long, before you continue.
        </p>
        <label className="field__label" htmlFor={`${id}-new`}>
          New password
        </label>
        <input
          id={`${id}-new`} className="field__input" type="password" autoComplete="new-password" autoFocus required maxLength={512}
          value={newPassword} onChange={(event) => setNewPassword(event.target.value)}
        />
        <label className="field__label" htmlFor={`${id}-confirm`}>
          Type the new password again
        </label>
        <input
          id={`${id}-confirm`} className="field__input" type="password" autoComplete="new-password" required maxLength={512}
          value={confirm} onChange={(event) => setConfirm(event.target.value)}
        />
        {problem && (
          <p className="form-error" role="alert">
            {problem}
          </p>
        )}
        <button type="submit" className={classNames('button button--primary', styles.submit)} disabled={change.busy}>
          Set password and sign in
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={change.busy}>
          Back to sign-in
        </button>
        {change.busy && (
          <p className={styles.busy} role="status">
            Setting your password…
          </p>
        )}
      </form>
    </Splash>
  );
}
