/** The table of case queue rows. */
import type { QueueRow } from '../../../domain/ipc/contract.ts';
import { CASE_TYPE_LABELS } from '../../../domain/vocabulary.ts';
import { CASE_STATUS_LABELS } from '../../words/display-labels.ts';
import { formatDateTime } from '../../words/format-date-time.ts';
import { RiskBadge } from '../../components/RiskBadge.tsx';
import styles from './CaseQueueTable.module.css';

/** What the table shows and does. */
export interface CaseQueueTableProps {
  rows: readonly QueueRow[];
  /** Dims the table while the next page loads. */
  busy: boolean;
  onOpenCase: (caseId: string) => void;
}

/** One page of cases; a click anywhere on a row opens its case, and the reference is a button for keyboard and screen-reader users. */
export function CaseQueueTable({ rows, busy, onOpenCase }: CaseQueueTableProps) {
  return (
    <table className={styles.table} aria-busy={busy}>
      <caption className="visually-hidden">Cases in your queue</caption>
      <thead>
        <tr>
          <th scope="col">Reference</th>
          <th scope="col">Title</th>
          <th scope="col">Type</th>
          <th scope="col">Owner agency</th>
          <th scope="col">Status</th>
          <th scope="col">Risk</th>
          <th scope="col">Last updated</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} data-testid="case-row" data-case-id={row.id} className={styles.row} onClick={() => onOpenCase(row.id)}>
            <td className={styles.reference}>
              <button
                type="button"
                className={styles.open}
                aria-label={`Open case ${row.reference}`}
                onClick={(event) => {
                  event.stopPropagation(); // the row's own click would open it a second time
                  onOpenCase(row.id);
                }}
              >
                {row.reference}
              </button>
            </td>
            <td>{row.title}</td>
            <td>{CASE_TYPE_LABELS[row.caseType]}</td>
            <td>{row.ownerAgencyName}</td>
            <td>{CASE_STATUS_LABELS[row.status]}</td>
            <td>
              <RiskBadge level={row.riskLevel} />
            </td>
            <td>
              <time dateTime={row.updatedAt}>{formatDateTime(row.updatedAt)}</time>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
