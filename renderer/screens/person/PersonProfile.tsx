/** A person's profile from the offline copy: who they are, their warnings, and the cases the user sees them on. */
import { useEffect, useId, useRef } from 'react';
import { errorBodyOf } from '../../api/desktop-call-error.ts';
import { useDesktopQuery } from '../../api/desktop-query.ts';
import { RetryAlert } from '../../components/RetryAlert.tsx';
import { RiskBadge } from '../../components/RiskBadge.tsx';
import { CASE_STATUS_LABELS, SUBJECT_ROLE_LABELS } from '../../words/display-labels.ts';
import { MarkerWarnings } from '../markers/MarkerWarnings.tsx';
import { birthWords, fullName, genderWords } from '../../words/person-words.ts';
import styles from './PersonProfile.module.css';

/** What the profile needs from its route. */
export interface PersonProfileProps {
  personId: string;
  onBack: () => void;
  onOpenCase: (caseId: string) => void;
  /** Opens the DASH risk checklist for this person (absent where the role keeps no checklists). */
  onDashChecklist?: (() => void) | undefined;
}

/** Read again when sync invalidates it; a person no longer in the offline copy is no longer shown. */
export function PersonProfile({ personId, onBack, onOpenCase, onDashChecklist }: PersonProfileProps) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const query = useDesktopQuery('persons.profile', { personId });
  const failure = query.isError ? errorBodyOf(query.error) : null;
  const shown = failure?.code === 'not_found' ? null : (query.data ?? null);

  const focused = useRef(false);

  // Focus the name once it is there, so a screen reader starts at the top of the profile.
  useEffect(() => {
    if (shown && !focused.current) {
      focused.current = true;
      heading.current?.focus();
    }
  }, [shown]);

  const back = (
    <div className={styles.toolbar}>
      <button type="button" className="button" onClick={onBack}>
        ← Back
      </button>
      {onDashChecklist && (
        <button type="button" className="button" onClick={onDashChecklist}>
          DASH risk checklist
        </button>
      )}
    </div>
  );
  if (!shown) {
    return (
      <article className={styles.page} aria-labelledby={`${id}-title`}>
        {back}
        <h1 id={`${id}-title`} className={styles.title}>
          {failure?.code === 'not_found' ? 'Person not available' : 'Person'}
        </h1>
        {failure?.code === 'not_found' && (
          <p className={styles.message} role="alert">
            This person is not in the offline copy on this computer. You may not see their records, or they may have been removed.
          </p>
        )}
        {failure && failure.code !== 'not_found' && <RetryAlert error={failure} onRetry={() => void query.refetch()} className={styles.message} />}
        {!failure && query.isFetching && (
          <p className={styles.message} role="status">
            Loading the person…
          </p>
        )}
      </article>
    );
  }

  const { person, cases, markers } = shown;
  return (
    <article className={styles.page} aria-labelledby={`${id}-title`} aria-busy={query.isFetching} data-testid="person-profile">
      {back}
      <header className={styles.header}>
        <h1 id={`${id}-title`} ref={heading} tabIndex={-1} className={styles.title}>
          {fullName(person)}
        </h1>
        <dl className={styles.facts}>
          <div>
            <dt>Date of birth</dt>
            <dd>{birthWords(person)}</dd>
          </div>
          <div>
            <dt>Gender</dt>
            <dd>{genderWords(person.gender)}</dd>
          </div>
          <div>
            <dt>Also known as</dt>
            <dd>{person.aliases.length === 0 ? 'No aliases recorded' : person.aliases.map(fullName).join(', ')}</dd>
          </div>
        </dl>
      </header>
      <MarkerWarnings markers={markers} placeOn={[{ type: 'person', id: person.id, label: fullName(person) }]} />
      <section className={styles.panel} aria-labelledby={`${id}-cases`}>
        <h2 id={`${id}-cases`} className={styles.panelTitle}>
          Cases you can see ({cases.length})
        </h2>
        {cases.length === 0 ? (
          <p className={styles.message}>This person is on no case you can see.</p>
        ) : (
          <table className={styles.table}>
            <caption className="visually-hidden">Cases {fullName(person)} is on, with their role</caption>
            <thead>
              <tr>
                <th scope="col">Reference</th>
                <th scope="col">Title</th>
                <th scope="col">Role</th>
                <th scope="col">Owner agency</th>
                <th scope="col">Status</th>
                <th scope="col">Risk</th>
              </tr>
            </thead>
            <tbody>
              {cases.map((c) => (
                <tr key={c.caseId} data-testid="person-case">
                  <td>
                    <button type="button" className={styles.open} aria-label={`Open case ${c.reference}`} onClick={() => onOpenCase(c.caseId)}>
                      {c.reference}
                    </button>
                  </td>
                  <td>{c.title}</td>
                  <td>{SUBJECT_ROLE_LABELS[c.role]}</td>
                  <td>{c.ownerAgencyName}</td>
                  <td>{CASE_STATUS_LABELS[c.status]}</td>
                  <td>
                    <RiskBadge level={c.riskLevel} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </article>
  );
}
