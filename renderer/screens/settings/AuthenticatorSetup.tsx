/**
 * "Set up an authenticator app" in Settings, for a signed-in user whose agency does not require
 * one: a new key (QR code and text), confirmed with a current code; from then on sign-in asks for one.
 * The key lives in this component's state only while the set-up is open.
 */
import { useId, useState, type FormEvent } from 'react';
import type { ErrorBody } from '../../../domain/errors.ts';
import type { TotpEnrolment } from '../../../domain/http/auth-routes.ts';
import { useDesktopApi } from '../../api/desktop-api-context.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { errorMessage } from '../../words/error-messages.ts';
import { TotpSetupDetails } from '../session/TotpSetupDetails.tsx';
import styles from './SettingsPanel.module.css';

// The server words these for the person (already set up; a code that is not right).
const SERVER_WORDED = new Set(['conflict', 'validation_error', 'network_error']);
const words = (error: ErrorBody) => (SERVER_WORDED.has(error.code) && error.message.trim() !== '' ? error.message : errorMessage(error.code));

/** The button, then the set-up and its code, then the outcome. */
export function AuthenticatorSetup() {
  const api = useDesktopApi();
  const id = useId();
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [done, setDone] = useState(false);
  const [code, setCode] = useState('');
  const [local, setLocal] = useState<string | null>(null);
  const start = useSubmit(() => api['account.totpEnrol'](null), { onSuccess: (value) => setEnrolment(value) });
  const confirm = useSubmit((digits: string) => api['account.totpConfirm']({ code: digits }), {
    onSuccess: () => {
      setEnrolment(null);
      setDone(true);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const digits = code.replace(/\s+/g, '');
    setCode('');
    if (!/^\d{6}$/.test(digits)) {
      setLocal('Enter the 6 digits shown in your authenticator app, with no spaces.');
      return;
    }
    setLocal(null);
    void confirm.submit(digits);
  };

  if (done) {
    return <p role="status">Your authenticator app is set up. Casebridge will ask for a code from it each time you sign in.</p>;
  }
  if (!enrolment) {
    return (
      <div>
        <button type="button" className="button" onClick={() => void start.submit()} disabled={start.busy}>
          Set up an authenticator app
        </button>
        {start.error && <p className={`form-error ${styles.error}`} role="alert">{words(start.error)}</p>}
      </div>
    );
  }
  const problem = local ?? (confirm.error ? words(confirm.error) : null);
  return (
    <form aria-labelledby={`${id}-title`} onSubmit={submit} noValidate>
      <p id={`${id}-title`} className={styles.title}>Set up an authenticator app</p>
      <TotpSetupDetails secret={enrolment.secret} otpauthUri={enrolment.otpauthUri} />
      <label className="field__label" htmlFor={`${id}-code`}>Enter the 6-digit code from your authenticator app</label>
      <input
        id={`${id}-code`} className="field__input" autoComplete="one-time-code" inputMode="numeric" pattern="[0-9]*" maxLength={6} required
        aria-invalid={problem !== null} value={code} onChange={(event) => setCode(event.target.value)}
      />
      {problem && <p className={`form-error ${styles.error}`} role="alert">{problem}</p>}
      <div className={styles.actions}>
        <button type="submit" className="button button--primary" disabled={confirm.busy}>Turn on</button>
        <button type="button" className="button" onClick={() => setEnrolment(null)} disabled={confirm.busy}>Cancel</button>
      </div>
    </form>
  );
}
