/** The case screen's form for the safety-critical fields: risk level and status (with the closure reason). */
import { useId, useState } from 'react';
import { CLOSURE_REASON_MAX_LENGTH } from '../../../domain/entities/case.ts';
import type { CaseDetailView } from '../../../domain/ipc/case-detail-view.ts';
import { CASE_STATUSES, RISK_LEVELS, RiskLevelSchema, CaseStatusSchema } from '../../../domain/vocabulary.ts';
import { caseChangeFrom, draftFrom, isDirty, sameBase, type CaseChangeBase, type CaseChangeDraft } from './case-change-draft.ts';
import { useDesktopApi } from '../../api/desktop-api-context.ts';
import { CASE_STATUS_LABELS, RISK_LEVEL_LABELS } from '../../words/display-labels.ts';
import { errorMessage } from '../../words/error-messages.ts';
import { useSubmit } from '../../api/use-submit.ts';
import panelStyles from './CasePanel.module.css';
import styles from './CaseChangeForm.module.css';

const PROBLEM_MESSAGES = {
  nothing_changed: 'Nothing to save: change the risk level or the status first.',
  closure_reason_needed: 'Give a reason for closing the case.',
} as const;

function baseOf(c: CaseDetailView['case']): CaseChangeBase {
  return { version: c.version, riskLevel: c.riskLevel, status: c.status, closureReason: c.closureReason };
}

/**
 * The change is sent with the version the user started editing from (`baseVersion`), so a newer
 * change on the server becomes a conflict the user resolves, never a silent overwrite. While the
 * user has not touched the form it follows the case as syncs bring new versions.
 */
export function CaseChangeForm({ caseView }: { caseView: CaseDetailView['case'] }) {
  const api = useDesktopApi();
  const id = useId();
  const current = baseOf(caseView);
  // `hold` is the case as it was when the user saved: the form keeps the saved values until the case is read again.
  const [form, setForm] = useState<{ base: CaseChangeBase; draft: CaseChangeDraft; hold: CaseChangeBase | null }>(
    () => ({ base: current, draft: draftFrom(current), hold: null }),
  );
  const dirty = isDirty(form.base, form.draft);
  const [problem, setProblem] = useState<keyof typeof PROBLEM_MESSAGES | null>(null);
  const [saved, setSaved] = useState(false);
  if (!dirty && !sameBase(form.base, current) && !(form.hold && sameBase(form.hold, current))) {
    // React's pattern for following a prop until the user edits. A new version means the saved change has been
    // through the server (or overtaken): "saved on this computer" is no longer the news.
    setForm({ base: current, draft: draftFrom(current), hold: null });
    if (current.version !== form.base.version) {
      setSaved(false);
    }
  }
  const check = caseChangeFrom(form.base, form.draft);
  const { abilities } = caseView;
  const { busy, error, submit } = useSubmit(
    () => api['changes.submit']({ name: 'case.update', args: { caseId: caseView.id, ...(check.ok ? check.args : {}) }, baseVersion: form.base.version }),
    {
      onSuccess: () => {
        // What the user just saved is now what they see (at the version they saw): the form is clean again.
        const savedBase: CaseChangeBase = {
          ...form.base, riskLevel: form.draft.riskLevel, status: form.draft.status,
          closureReason: form.draft.status === 'closed' ? form.draft.closureReason.trim() : null,
        };
        setForm({ base: savedBase, draft: draftFrom(savedBase), hold: current });
        setSaved(true);
      },
    },
  );
  const edit = (change: Partial<CaseChangeDraft>) => {
    setForm((f) => ({ ...f, draft: { ...f.draft, ...change } }));
    setProblem(null);
    setSaved(false);
  };
  // Reopening needs `update`, closing needs `close` (the server checks both again).
  const mayChangeStatus = form.base.status === 'open' ? abilities.close : abilities.update;
  const stale = dirty && form.base.version !== current.version;

  return (
    <section className={panelStyles.panel} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className={panelStyles.title}>
        Risk and status
      </h2>
      <form
        className={styles.form}
        onSubmit={(event) => {
          event.preventDefault();
          if (!check.ok) {
            setProblem(check.problem);
            return;
          }
          void submit();
        }}
      >
        <div className={styles.fields}>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-risk`}>
              Risk level
            </label>
            <select
              id={`${id}-risk`}
              className="field__input"
              value={form.draft.riskLevel}
              disabled={!abilities.update || busy}
              onChange={(event) => edit({ riskLevel: RiskLevelSchema.parse(event.target.value) })}
            >
              {RISK_LEVELS.map((level) => (
                <option key={level} value={level}>
                  {RISK_LEVEL_LABELS[level]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-status`}>
              Status
            </label>
            <select
              id={`${id}-status`}
              className="field__input"
              value={form.draft.status}
              disabled={!mayChangeStatus || busy}
              onChange={(event) => edit({ status: CaseStatusSchema.parse(event.target.value) })}
            >
              {CASE_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {CASE_STATUS_LABELS[status]}
                </option>
              ))}
            </select>
          </div>
        </div>
        {form.draft.status === 'closed' && (
          <div className="field">
            <label className="field__label" htmlFor={`${id}-reason`}>
              Closure reason
            </label>
            <textarea
              id={`${id}-reason`}
              className="field__input field__input--text"
              rows={3}
              maxLength={CLOSURE_REASON_MAX_LENGTH}
              value={form.draft.closureReason}
              disabled={!mayChangeStatus || busy}
              onChange={(event) => edit({ closureReason: event.target.value })}
            />
          </div>
        )}
        {stale && (
          <p className={styles.note}>
            This case has changed since you started editing. If you save, Casebridge will ask you to choose between your change and the newer
            one.
          </p>
        )}
        {problem && (
          <p className="form-error" role="alert">
            {PROBLEM_MESSAGES[problem]}
          </p>
        )}
        {error && (
          <p className="form-error" role="alert">
            {errorMessage(error.code)}
          </p>
        )}
        <div className={panelStyles.actions}>
          <button type="submit" className="button button--primary" disabled={busy || !dirty}>
            Save changes
          </button>
          {dirty && (
            <button type="button" className="button" disabled={busy} onClick={() => setForm({ base: current, draft: draftFrom(current), hold: null })}>
              Discard changes
            </button>
          )}
        </div>
        {saved && (
          <p className="form-saved" role="status">
            Saved on this computer.
          </p>
        )}
      </form>
    </section>
  );
}
