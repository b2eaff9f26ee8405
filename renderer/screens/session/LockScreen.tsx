/** The idle-lock screen: the cache is closed until the user enters their password again. */
import { useId, useState } from 'react';
import type { SessionUser } from '../../../domain/entities.ts';
import { useDesktopApi } from '../../api/desktop-api-context.ts';
import { sessionErrorMessage } from '../../words/error-messages.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { PasswordField } from '../../components/PasswordField.tsx';
import { classNames } from '../../components/class-names.ts';
import styles from './LockScreen.module.css';

/** Password and Unlock; a refusal is announced in an alert and the password cleared. */
export function LockScreen({ user, onUnlocked }: { user: SessionUser; onUnlocked: () => void }) {
  const api = useDesktopApi();
  const id = useId();
  const [password, setPassword] = useState('');
  const { busy, error, onSubmit } = useSubmit(() => api['session.unlock']({ password }), {
    onSuccess: () => onUnlocked(),
    onFailure: () => setPassword(''),
  });

  return (
    <main className={styles.lock}>
      <form
        className={styles.card}
        aria-labelledby={`${id}-title`}
        onSubmit={onSubmit}
      >
        <h1 id={`${id}-title`} className={styles.title}>
          Casebridge is locked
        </h1>
        <p className={styles.intro}>
          Signed in as {user.displayName} ({user.agencyName}). Enter your password to continue.
        </p>
        <PasswordField id={`${id}-password`} value={password} onChange={setPassword} autoFocus />
        {error && (
          <p className="form-error" role="alert">
            {/* The core words its unlock refusals for people (wrong password, offline use expired); other codes use the shared words. */}
            {sessionErrorMessage(error)}
          </p>
        )}
        <button type="submit" className={classNames('button button--primary', styles.submit)} disabled={busy}>
          Unlock
        </button>
      </form>
    </main>
  );
}
