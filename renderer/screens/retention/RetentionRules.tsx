/**
 * The system admin's retention rules (#/retention/rules): each case type's period, review N years
 * after closure, changed one row at a time (audited on the server). Read from the server.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { RetentionRule } from '../../../domain/entities/retention.ts';
import { useDesktopApi } from '../../api/desktop-api-context.ts';
import { errorBodyOf } from '../../api/desktop-call-error.ts';
import { useDesktopQuery } from '../../api/desktop-query.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { BackToQueueHeading } from '../../components/BackToQueueHeading.tsx';
import { Page } from '../../components/Page.tsx';
import { RetryAlert } from '../../components/RetryAlert.tsx';
import { errorMessage } from '../../words/error-messages.ts';
import styles from './Retention.module.css';

/** What the screen needs from the workspace. */
export interface RetentionRulesProps {
  onBack: () => void;
}

/** One case type's period with its own Save. */
function RuleRow({ rule, onSaved }: { rule: RetentionRule; onSaved: () => void }) {
  const api = useDesktopApi();
  const [years, setYears] = useState(String(rule.reviewAfterYears));
  const save = useSubmit(() => api['retention.setRule']({ caseType: rule.caseType, reviewAfterYears: Number(years) }), { onSuccess: onSaved });
  const valid = /^\d{1,3}$/.test(years) && Number(years) >= 1 && Number(years) <= 100;
  return (
    <tr data-testid="retention-rule">
      <th scope="row">{rule.label}</th>
      <td>
        <input
          className="field__input"
          inputMode="numeric"
          aria-label={`Years after closure for ${rule.label}`}
          aria-invalid={valid ? undefined : true}
          value={years}
          onChange={(event) => setYears(event.target.value)}
        />
        {!valid && <p className="field__error" role="alert">Enter a whole number of years from 1 to 100.</p>}
        {save.error && <p className="form-error" role="alert">{errorMessage(save.error.code)}</p>}
      </td>
      <td>
        <button type="button" className="button" disabled={!valid || save.busy || Number(years) === rule.reviewAfterYears} onClick={() => void save.submit()}>
          {`Save ${rule.label}`}
        </button>
      </td>
    </tr>
  );
}

/** Loads the rules when opened and after each save. */
export function RetentionRules({ onBack }: RetentionRulesProps) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const query = useDesktopQuery('retention.rules', null, { staleTime: 0, gcTime: 0 });
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const failure = errorBodyOf(query.error);
  return (
    <Page aria-labelledby={`${id}-title`} aria-busy={query.isFetching} data-testid="retention-rules">
      <BackToQueueHeading id={`${id}-title`} title="Retention rules" headingRef={heading} onBack={onBack} />
      <p className={styles.intro}>How long each type of case is kept: it is due for a data officer&apos;s review this many years after it is closed.</p>
      {!query.isFetching && failure && <RetryAlert error={failure} onRetry={() => void query.refetch()} className="empty-state" />}
      {query.data && (
        <table className="data-table" aria-labelledby={`${id}-title`}>
          <thead>
            <tr>
              <th scope="col">Case type</th>
              <th scope="col">Years after closure</th>
              <th scope="col">Save</th>
            </tr>
          </thead>
          <tbody>
            {query.data.rules.map((rule) => (
              <RuleRow key={`${rule.caseType}-${rule.version}`} rule={rule} onSaved={() => void query.refetch()} />
            ))}
          </tbody>
        </table>
      )}
    </Page>
  );
}
