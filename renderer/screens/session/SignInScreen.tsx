/** The sign-in form shown when nobody is signed in. */
import { useId, useState } from 'react';
import { useDesktopApi } from '../../api/desktop-api-context.ts';
import { sessionErrorMessage } from '../../words/error-messages.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { PasswordField } from '../../components/PasswordField.tsx';
import { Splash } from '../../components/Splash.tsx';
import { classNames } from '../../components/class-names.ts';
import { ChoosePasswordScreen } from './ChoosePasswordScreen.tsx';
import styles from './SignInScreen.module.css';

/**
 * Username and password; a failure is announced in an alert and the password cleared. On success the
 * app asks the core for the session (it may have signed in offline), so `onSignedIn` carries nothing.
 */
export function SignInScreen({ onSignedIn }: { onSignedIn: () => void }) {
  const api = useDesktopApi();
  const id = useId();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [mustChange, setMustChange] = useState(false);
  const { busy, error, onSubmit } = useSubmit(() => api['session.signIn']({ username, password }), {
    onSuccess: () => onSignedIn(),
    // The password an administrator set is kept (in memory only) to authorise choosing a new one.
    onFailure: (failure) => (failure.code === 'password_change_required' ? setMustChange(true) : setPassword('')),
  });

  if (mustChange) {
    return (
      <ChoosePasswordScreen
        username={username}
        password={password}
        onSignedIn={onSignedIn}
        onCancel={() => {
          setPassword('');
          setMustChange(false);
        }}
      />
    );
  }

  return (
    <Splash>
      <form
        className={styles.card}
        aria-labelledby={`${id}-title`}
        onSubmit={onSubmit}
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
        {error && (
          <p className="form-error" role="alert">
            {sessionErrorMessage(error)}
          </p>
        )}
        <button type="submit" className={classNames('button button--primary', styles.submit)} disabled={busy}>
          Sign in
        </button>
        {busy && (
          <p className={styles.busy} role="status">
            Signing in…
          </p>
        )}
      </form>
    </Splash>
  );
}
