/** The sign-in form shown when nobody is signed in, and the steps that may follow it (code, app set-up, new password). */
import { useId, useRef, useState } from 'react';
import type { ErrorBody } from '../../../domain/errors.ts';
import { useDesktopApi } from '../../api/desktop-api-context.ts';
import { sessionErrorMessage } from '../../words/error-messages.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { PasswordField } from '../../components/PasswordField.tsx';
import { Splash } from '../../components/Splash.tsx';
import { classNames } from '../../components/class-names.ts';
import { ChoosePasswordScreen } from './ChoosePasswordScreen.tsx';
import { TotpCodeScreen } from './TotpCodeScreen.tsx';
import { TotpSetupDetails } from './TotpSetupDetails.tsx';
import styles from './SignInScreen.module.css';

/** An app set-up in progress: held in memory only, for as long as this sign-in lasts. */
interface PendingSetup { secret: string; otpauthUri: string; setupToken: string }

/** Where the sign-in is. `after-change`: the new password is set and the code was spent on it. */
type Step =
  | { kind: 'password' }
  | { kind: 'code'; afterChange: boolean }
  | { kind: 'setup'; setup: PendingSetup }
  | { kind: 'choose-password'; totpCode: string | undefined };

/**
 * Username and password; a failure is announced in an alert and the password cleared. On success the
 * app asks the core for the session (it may have signed in offline), so `onSignedIn` carries nothing.
 */
export function SignInScreen({ onSignedIn }: { onSignedIn: () => void }) {
  const api = useDesktopApi();
  const id = useId();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [step, setStep] = useState<Step>({ kind: 'password' });
  const [setupError, setSetupError] = useState<ErrorBody | null>(null);
  // The code of the attempt in flight, and the set-up this sign-in started (its token lets it start again).
  const lastCode = useRef<string | undefined>(undefined);
  const pending = useRef<{ username: string; setupToken: string } | null>(null);
  const restart = () => {
    setPassword('');
    setStep({ kind: 'password' });
  };

  // After a right password the server may ask for more; the password is kept (in memory only) for the next step.
  const afterFailure = async (failure: ErrorBody) => {
    if (failure.code === 'password_change_required') {
      setStep({ kind: 'choose-password', totpCode: lastCode.current });
    } else if (failure.code === 'totp_required') {
      setStep({ kind: 'code', afterChange: false });
    } else if (failure.code === 'totp_enrolment_required') {
      const setupToken = pending.current?.username === username ? pending.current.setupToken : undefined;
      const started = await api['session.totpSetup']({ username, password, ...(setupToken === undefined ? {} : { setupToken }) });
      if (started.ok) {
        pending.current = { username, setupToken: started.value.setupToken };
        setStep({ kind: 'setup', setup: started.value });
      } else {
        setSetupError(started.error);
        setPassword('');
      }
    } else if (step.kind === 'password') {
      setPassword('');
    }
  };

  const signIn = useSubmit(() => api['session.signIn']({ username, password, ...(lastCode.current === undefined ? {} : { totpCode: lastCode.current }) }), {
    onSuccess: () => onSignedIn(),
    onFailure: (failure) => void afterFailure(failure),
  });
  const submitWith = (totpCode: string | undefined) => {
    setSetupError(null);
    lastCode.current = totpCode;
    void signIn.submit();
  };

  if (step.kind === 'choose-password') {
    return (
      <ChoosePasswordScreen
        username={username}
        password={password}
        totpCode={step.totpCode}
        onSignedIn={onSignedIn}
        onNeedsNextCode={(newPassword) => {
          setPassword(newPassword);
          setStep({ kind: 'code', afterChange: true });
        }}
        onCancel={restart}
      />
    );
  }
  if (step.kind === 'code' || step.kind === 'setup') {
    const codeError = signIn.error && !['password_change_required', 'totp_required', 'totp_enrolment_required'].includes(signIn.error.code) ? signIn.error : null;
    return (
      <TotpCodeScreen
        title={step.kind === 'setup' ? 'Set up an authenticator app' : 'Enter your code'}
        busy={signIn.busy}
        error={codeError}
        onCode={submitWith}
        onCancel={restart}
      >
        {step.kind === 'setup' ? (
          <>
            <p className={styles.intro}>Your agency requires a second sign-in step. Add Casebridge to an authenticator app to continue.</p>
            <TotpSetupDetails secret={step.setup.secret} otpauthUri={step.setup.otpauthUri} />
          </>
        ) : (
          <p className={styles.intro}>
            {step.afterChange
              ? 'Your new password is set. Wait for the next code in your authenticator app and enter it to finish signing in.'
              : `Signing in as ${username}. Open your authenticator app to see the current code.`}
          </p>
        )}
      </TotpCodeScreen>
    );
  }

  const error = setupError ?? signIn.error;
  return (
    <Splash>
      <form
        className={styles.card}
        aria-labelledby={`${id}-title`}
        onSubmit={(event) => {
          event.preventDefault();
          submitWith(undefined);
        }}
      >
        <h1 id={`${id}-title`} className={styles.title}>
          Casebridge
        </h1>
        <p className={styles.intro}>Sign in with your agency account.</p>
        <label className="field__label" htmlFor={`${id}-username`}>
          Username
        </label>
        <input
          id={`${id}-username`}
          className="field__input"
          name="username"
          autoComplete="username"
          required
          maxLength={100}
          value={username}
          onChange={(event) => setUsername(event.target.value)}
        />
        <PasswordField id={`${id}-password`} value={password} onChange={setPassword} />
        {error && !['password_change_required', 'totp_required', 'totp_enrolment_required'].includes(error.code) && (
          <p className="form-error" role="alert">
            {sessionErrorMessage(error)}
          </p>
        )}
        <button type="submit" className={classNames('button button--primary', styles.submit)} disabled={signIn.busy}>
          Sign in
        </button>
        {signIn.busy && (
          <p className={styles.busy} role="status">
            Signing in…
          </p>
        )}
      </form>
    </Splash>
  );
}
