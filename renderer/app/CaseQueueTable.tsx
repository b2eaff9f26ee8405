/** The table of case queue rows. */
import type { QueueRow } from '../../domain/ipc/contract.ts';
import { CASE_TYPE_LABELS } from '../../domain/vocabulary.ts';
import { CASE_STATUS_LABELS } from './display-labels.ts';
import { formatDateTime } from './format-date-time.ts';
import { RiskBadge } from './RiskBadge.tsx';

/** One page of cases; `busy` dims it while the next page loads. */
export function CaseQueueTable({ rows, busy }: { rows: readonly QueueRow[]; busy: boolean }) {
  return (
    <table className="queue-table" aria-busy={busy}>
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
          <tr key={row.id} data-testid="case-row" data-case-id={row.id}>
            <td className="queue-table__reference">{row.reference}</td>
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
