/** "Enter the 6-digit code from your authenticator app": the second sign-in step, and the confirm step of a set-up. */
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { ErrorBody } from '../../../domain/errors.ts';
import { Splash } from '../../components/Splash.tsx';
import { classNames } from '../../components/class-names.ts';
import { sessionErrorMessage } from '../../words/error-messages.ts';
import styles from './SignInScreen.module.css';

/** What the code step shows and does. */
export interface TotpCodeScreenProps {
  title: string;
  /** Above the input: why a code is asked for (and, when setting up, the QR code and secret). */
  children: ReactNode;
  busy: boolean;
  error: ErrorBody | null;
  onCode: (code: string) => void;
  onCancel: () => void;
}

/** The words for a refused code: wrong and already-used codes get one answer from the server, and lockout its own. */
export function totpErrorMessage(error: ErrorBody): string {
  if (error.code === 'authentication_error' && /verification code/i.test(error.message)) {
    return 'That code is wrong or has been used already. Wait for the next code in your authenticator app and enter it.';
  }
  if (error.code === 'validation_error') {
    return 'Enter the 6 digits shown in your authenticator app, with no spaces.';
  }
  if (error.code === 'account_locked') {
    return 'Too many wrong codes or passwords: this account is locked for 15 minutes. Try again later, or contact your agency administrator.';
  }
  return sessionErrorMessage(error);
}

/** One numeric input the platform can fill from an authenticator ("one-time-code"); anything but 6 digits is refused here. */
export function TotpCodeScreen({ title, children, busy, error, onCode, onCancel }: TotpCodeScreenProps) {
  const id = useId();
  const [code, setCode] = useState('');
  const [local, setLocal] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const digits = code.replace(/\s+/g, '');
    if (!/^\d{6}$/.test(digits)) {
      setLocal('Enter the 6 digits shown in your authenticator app, with no spaces.');
      return;
    }
    setLocal(null);
    setCode('');
    onCode(digits);
  };
  const problem = local ?? (error ? totpErrorMessage(error) : null);
  return (
    <Splash>
      <form className={styles.card} aria-labelledby={`${id}-title`} onSubmit={submit} noValidate>
        <h1 id={`${id}-title`} className={styles.title}>
          {title}
        </h1>
        {children}
        <label className="field__label" htmlFor={`${id}-code`}>
          Enter the 6-digit code from your authenticator app
        </label>
        <input
          id={`${id}-code`} className="field__input" name="totp" autoComplete="one-time-code" inputMode="numeric" pattern="[0-9]*"
          maxLength={6} autoFocus required aria-invalid={problem !== null} aria-describedby={problem ? `${id}-problem` : undefined}
          value={code} onChange={(event) => setCode(event.target.value)}
        />
        {problem && (
          <p id={`${id}-problem`} className="form-error" role="alert">
            {problem}
          </p>
        )}
        <button type="submit" className={classNames('button button--primary', styles.submit)} disabled={busy}>
          Continue
        </button>
        <button type="button" className="button" onClick={onCancel} disabled={busy}>
          Back to sign-in
        </button>
        {busy && (
          <p className={styles.busy} role="status">
            Checking the code…
          </p>
        )}
      </form>
    </Splash>
  );
}
