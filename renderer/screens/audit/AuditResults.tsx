/** The events found, newest first, as a table; each row's time opens its detail. */
import type { AuditEvent } from '../../../domain/audit/audit-search.ts';
import { AUDIT_OUTCOME_LABELS, auditActionLabel } from '../../words/audit-words.ts';
import { formatDateTime } from '../../words/format-date-time.ts';
import styles from './Audit.module.css';

/** The events, the one whose detail is open, and what to do when another is chosen. */
export interface AuditResultsProps {
  events: readonly AuditEvent[];
  selectedSeq: number | null;
  onSelect: (event: AuditEvent) => void;
}

/** One row per event: when (a button opening the detail), who, which agency, what, on what, and how it ended. */
export function AuditResults({ events, selectedSeq, onSelect }: AuditResultsProps) {
  return (
    <table className={styles.table}>
      <caption className="visually-hidden">Audit events, newest first</caption>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Who</th>
          <th scope="col">Agency</th>
          <th scope="col">Action</th>
          <th scope="col">Record</th>
          <th scope="col">Outcome</th>
        </tr>
      </thead>
      <tbody>
        {events.map((event) => (
          <tr key={event.seq} className={event.seq === selectedSeq ? styles.selected : undefined}>
            <td>
              <button type="button" className={styles.open} aria-pressed={event.seq === selectedSeq} onClick={() => onSelect(event)}>
                <time dateTime={event.at}>{formatDateTime(event.at)}</time>
                <span className="visually-hidden">: details</span>
              </button>
            </td>
            <td>{event.userName ?? event.userId ?? 'Unknown'}</td>
            <td>{event.agencyName ?? event.agencyId ?? '—'}</td>
            <td>{auditActionLabel(event.action)}</td>
            <td>{event.entityType === null ? '—' : `${event.entityType}${event.entityId === null ? '' : ` ${event.entityId.slice(0, 8)}`}`}</td>
            <td>{AUDIT_OUTCOME_LABELS[event.outcome]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
