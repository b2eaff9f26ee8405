/** The table of case queue rows: sortable column headers, and rows that open their case by mouse or keyboard. */
import { useRef, useState, type KeyboardEvent } from 'react';
import type { QueueSort, SortDirection } from '../../../domain/ipc/case-channels.ts';
import type { QueueRow } from '../../../domain/ipc/contract.ts';
import { CASE_STATUS_LABELS } from '../../words/display-labels.ts';
import { formatDate, formatDateTime } from '../../words/format-date-time.ts';
import { MarkerIndicator } from '../../components/MarkerIndicator.tsx';
import { RiskBadge } from '../../components/RiskBadge.tsx';
import styles from './CaseQueueTable.module.css';

/** The columns in order, each with the sort it asks for and the direction a first click chooses. */
const COLUMNS: ReadonlyArray<{ sort: QueueSort; label: string; first: SortDirection }> = [
  { sort: 'reference', label: 'Reference', first: 'asc' },
  { sort: 'title', label: 'Title', first: 'asc' },
  { sort: 'type', label: 'Type', first: 'asc' },
  { sort: 'owner', label: 'Owner agency', first: 'asc' },
  { sort: 'status', label: 'Status', first: 'asc' },
  { sort: 'risk', label: 'Risk', first: 'desc' },
  { sort: 'review', label: 'Review due', first: 'asc' },
  { sort: 'updated', label: 'Last updated', first: 'desc' },
];

/** What the table shows and does. */
export interface CaseQueueTableProps {
  rows: readonly QueueRow[];
  /** Dims the table while the next page loads. */
  busy: boolean;
  sort: QueueSort;
  direction: SortDirection;
  onSortChange: (sort: QueueSort, direction: SortDirection) => void;
  onOpenCase: (caseId: string) => void;
}

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;

/**
 * One page of cases; a click anywhere on a row opens its case, and the reference is a button for keyboard
 * and screen-reader users. The reference buttons are one tab stop (roving): ArrowUp/ArrowDown, Home and
 * End move between rows, Enter opens the row.
 */
export function CaseQueueTable({ rows, busy, sort, direction, onSortChange, onOpenCase }: CaseQueueTableProps) {
  const body = useRef<HTMLTableSectionElement>(null);
  const [current, setCurrent] = useState(0);
  const at = Math.min(current, rows.length - 1);
  const move = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: rows.length - 1 }[event.key];
    if (to === undefined || !(event.target instanceof HTMLButtonElement)) {
      return;
    }
    event.preventDefault();
    const next = Math.max(0, Math.min(rows.length - 1, to));
    setCurrent(next);
    body.current?.querySelectorAll<HTMLButtonElement>('button')[next]?.focus();
  };
  return (
    <table className={styles.table} aria-busy={busy}>
      <caption className="visually-hidden">Cases in your queue, sorted by {COLUMNS.find((c) => c.sort === sort)?.label} ({ARIA_SORT[direction]})</caption>
      <thead>
        <tr>
          {COLUMNS.map((column) => {
            const sorted = column.sort === sort;
            return (
              <th key={column.sort} scope="col" aria-sort={sorted ? ARIA_SORT[direction] : undefined}>
                <button
                  type="button"
                  className={styles.sort}
                  onClick={() => onSortChange(column.sort, sorted ? (direction === 'asc' ? 'desc' : 'asc') : column.first)}
                >
                  {column.label}
                  <span aria-hidden="true" className={styles.arrow}>{sorted ? (direction === 'asc' ? '▲' : '▼') : ''}</span>
                </button>
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody ref={body} onKeyDown={move}>
        {rows.map((row, index) => (
          <tr key={row.id} data-testid="case-row" data-case-id={row.id} className={styles.row} onClick={() => onOpenCase(row.id)}>
            <td className={styles.reference}>
              <button
                type="button"
                className={styles.open}
                aria-label={`Open case ${row.reference}`}
                tabIndex={index === at ? 0 : -1}
                onFocus={() => setCurrent(index)}
                onClick={(event) => {
                  event.stopPropagation(); // the row's own click would open it a second time
                  onOpenCase(row.id);
                }}
              >
                {row.reference}
              </button>
            </td>
            <td>
              {row.title}
              <MarkerIndicator types={row.markerTypes} />
            </td>
            <td>{row.caseTypeLabel}</td>
            <td>{row.ownerAgencyName}</td>
            <td>{CASE_STATUS_LABELS[row.status]}</td>
            <td>
              <RiskBadge level={row.riskLevel} />
            </td>
            <td>{row.reviewDate === null ? '—' : <time dateTime={row.reviewDate}>{formatDate(row.reviewDate)}</time>}</td>
            <td>
              <time dateTime={row.updatedAt}>{formatDateTime(row.updatedAt)}</time>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
