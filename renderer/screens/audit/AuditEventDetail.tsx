/** One audit event in full: who, from which device and address, what, on which record, why, how it ended, and old → new per field. */
import { useEffect, useId, useRef, useState } from 'react';
import type { AuditEvent } from '../../../domain/audit/audit-search.ts';
import { AUDIT_CATEGORY_LABELS, AUDIT_OUTCOME_LABELS, auditActionLabel } from '../../words/audit-words.ts';
import { formatDateTime } from '../../words/format-date-time.ts';
import { BreakGlassDialog } from './BreakGlassDialog.tsx';
import styles from './Audit.module.css';

/** The event, whether break-glass is offered (data officers), and how to close the panel. */
export interface AuditEventDetailProps {
  event: AuditEvent;
  breakGlass: boolean;
  onClose: () => void;
}

/** A recorded value as text: strings as they are, anything else as JSON; nothing recorded as a dash. */
function valueText(value: unknown): string {
  if (value === null || value === undefined) {
    return '—';
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** How a value erased with its record is shown. */
const ERASED_VALUE = '(erased)';

/** Whether a recorded value is only the commitment left after its value was erased (docs/audit.md). */
const isCommitment = (value: unknown): boolean => typeof value === 'string' && value.startsWith('sha256:');

/** A value that may have been erased: "(erased)" for a bare commitment, else as `valueText` shows it. */
function keptText(value: unknown): string {
  return isCommitment(value) ? ERASED_VALUE : valueText(value);
}

/** The field changes recorded in `details.changes` (`{ field: [old, new] }`), if any. */
export function changesOf(details: Record<string, unknown>): Array<{ field: string; old: unknown; next: unknown }> {
  const changes = details.changes;
  if (typeof changes !== 'object' || changes === null) {
    return [];
  }
  return Object.entries(changes).map(([field, pair]) => {
    if (isCommitment(pair)) {
      // The values went with an erased record; the event keeps only its commitment to them (docs/audit.md).
      return { field, old: ERASED_VALUE, next: ERASED_VALUE };
    }
    return Array.isArray(pair) ? { field, old: pair[0] as unknown, next: pair[1] as unknown } : { field, old: undefined, next: pair as unknown };
  });
}

/** The detail panel; focus moves to its heading when it opens, so keyboard and screen-reader users land on it. */
export function AuditEventDetail({ event, breakGlass, onClose }: AuditEventDetailProps) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [opening, setOpening] = useState(false);
  useEffect(() => {
    heading.current?.focus();
  }, [event.seq]);
  const changes = changesOf(event.details);
  const { changes: _changes, ...recorded } = event.details;
  // A search's terms erased with what they named: only the commitment is left.
  const otherDetails = isCommitment(recorded.terms) ? { ...recorded, terms: ERASED_VALUE } : recorded;
  const rows: Array<[string, string]> = [
    ['When', formatDateTime(event.at)],
    ['Who', event.userName === null ? valueText(event.userId) : `${event.userName} (${valueText(event.userId)})`],
    ['Agency', event.agencyName === null ? valueText(event.agencyId) : `${event.agencyName} (${valueText(event.agencyId)})`],
    ['Team', valueText(event.teamId)],
    ['Device', valueText(event.deviceId)],
    ['IP address', valueText(event.ip)],
    ['Action', auditActionLabel(event.action)],
    ['Category', AUDIT_CATEGORY_LABELS[event.category]],
    ['Outcome', AUDIT_OUTCOME_LABELS[event.outcome]],
    ['Justification', keptText(event.justification)],
    ['Record', event.entityType === null ? '—' : `${event.entityType} ${valueText(event.entityId)}`],
    ['Case', valueText(event.caseId)],
    ['Person', valueText(event.personId)],
    ['Event number', String(event.seq)],
  ];
  return (
    <section className={styles.detail} aria-labelledby={`${id}-title`} data-testid="audit-event-detail">
      <div className={styles.detailHead}>
        <h2 id={`${id}-title`} ref={heading} tabIndex={-1} className={styles.detailTitle}>
          {auditActionLabel(event.action)}
        </h2>
        <button type="button" className="button" onClick={onClose}>
          Close details
        </button>
      </div>
      <dl className={styles.facts}>
        {rows.map(([term, value]) => (
          <div key={term} className={styles.fact}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {changes.length > 0 && (
        <table className={styles.table}>
          <caption className={styles.caption}>Changes</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Old value</th>
              <th scope="col">New value</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((change) => (
              <tr key={change.field}>
                <th scope="row">{change.field}</th>
                <td>{valueText(change.old)}</td>
                <td>{valueText(change.next)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {breakGlass && event.caseId !== null && (
        <button type="button" className={`button ${styles.older}`} onClick={() => setOpening(true)}>
          Open this case (break-glass)
        </button>
      )}
      {opening && event.caseId !== null && <BreakGlassDialog caseId={event.caseId} onClose={() => setOpening(false)} />}
      {Object.keys(otherDetails).length > 0 && (
        <>
          <h3 className={styles.caption}>Recorded details</h3>
          <pre className={styles.details}>{JSON.stringify(otherDetails, null, 2)}</pre>
        </>
      )}
    </section>
  );
}
