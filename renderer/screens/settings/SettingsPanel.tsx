/** The settings panel opened from the top bar: theme, cases per page, and a shorter idle lock. */
import { useId, type KeyboardEvent } from 'react';
import type { Preferences } from '../../../domain/preferences.ts';
import { errorMessage } from '../../words/error-messages.ts';
import { QUEUE_PAGE_SIZES, THEME_LABELS, idleLockChoices } from './settings-choices.ts';
import { plural } from '../../words/plural.ts';
import type { UiSettingsState } from '../../api/use-ui-settings.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { RetryAlert } from '../../components/RetryAlert.tsx';
import { classNames } from '../../components/class-names.ts';
import { AuthenticatorSetup } from './AuthenticatorSetup.tsx';
import styles from './SettingsPanel.module.css';

const THEMES = Object.keys(THEME_LABELS) as (keyof typeof THEME_LABELS)[];

/** What the panel needs from the top bar. */
export interface SettingsPanelProps {
  state: UiSettingsState;
  onClose: () => void;
}

/**
 * Each choice is saved as soon as it is made and applies at once (the core answers what now applies).
 * The controls offer only valid values; a refusal from the core is announced in an alert.
 */
export function SettingsPanel({ state, onClose }: SettingsPanelProps) {
  const id = useId();
  const { busy, error, submit } = useSubmit((patch: Preferences) => state.update(patch));
  const { settings } = state;
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      onClose();
    }
  };

  return (
    <div className={styles.panel} role="dialog" aria-labelledby={`${id}-title`} onKeyDown={onKeyDown} data-testid="settings-panel">
      <p id={`${id}-title`} className={styles.title}>Settings</p>
      {settings ? (
        <div className={styles.fields}>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-theme`}>Theme</label>
            <select
              id={`${id}-theme`}
              className="field__input"
              value={settings.effective.theme}
              disabled={busy}
              onChange={(event) => {
                const theme = THEMES.find((t) => t === event.target.value);
                if (theme) {
                  void submit({ theme });
                }
              }}
            >
              {THEMES.map((t) => (
                <option key={t} value={t}>{THEME_LABELS[t]}</option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-page-size`}>Cases per page</label>
            <select
              id={`${id}-page-size`}
              className="field__input"
              value={settings.effective.queuePageSize}
              disabled={busy}
              onChange={(event) => {
                const queuePageSize = QUEUE_PAGE_SIZES.find((size) => String(size) === event.target.value);
                if (queuePageSize) {
                  void submit({ queuePageSize });
                }
              }}
            >
              {QUEUE_PAGE_SIZES.map((size) => (
                <option key={size} value={size}>{size}</option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-idle-lock`}>Lock Casebridge when idle for</label>
            <select
              id={`${id}-idle-lock`}
              className="field__input"
              aria-describedby={`${id}-idle-lock-hint`}
              value={settings.effective.idleLockMinutes}
              disabled={busy}
              onChange={(event) => void submit({ idleLockMinutes: Number(event.target.value) })}
            >
              {idleLockChoices(settings.idleLockMaxMinutes, settings.effective.idleLockMinutes).map((minutes) => (
                <option key={minutes} value={minutes}>{plural(minutes, 'minute')}</option>
              ))}
            </select>
            <p id={`${id}-idle-lock-hint`} className={styles.hint}>
              The longest allowed on this computer is {plural(settings.idleLockMaxMinutes, 'minute')}.
            </p>
          </div>
        </div>
      ) : (
        !state.loadError && <p role="status">Loading settings…</p>
      )}
      {state.loadError && <RetryAlert className={classNames('form-error', styles.error)} error={state.loadError} onRetry={state.reload} />}
      {error && (
        <p className={classNames('form-error', styles.error)} role="alert">
          {errorMessage(error.code)}
        </p>
      )}
      <AuthenticatorSetup />
      <div className={styles.actions}>
        <button type="button" className="button" onClick={onClose}>Close</button>
      </div>
    </div>
  );
}
