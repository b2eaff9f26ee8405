/** The agency's requests as a table: reference, person, received, due, where it stands, consultations waiting. */
import type { SarSummary } from '../../../domain/http/sar-routes.ts';
import { formatDate } from '../../words/format-date-time.ts';
import { SAR_TIMELINESS_LABELS } from '../../words/sar-words.ts';
import styles from './Sars.module.css';

/** The requests to show and how to open one. */
export interface SarTableProps {
  sars: readonly SarSummary[];
  labelledBy: string;
  onOpen: (sarId: string) => void;
}

/** One row per request; overdue is said in words, not by colour alone. */
export function SarTable({ sars, labelledBy, onOpen }: SarTableProps) {
  if (sars.length === 0) {
    return <p className="empty-state">No requests in this view.</p>;
  }
  return (
    <table className="data-table" aria-labelledby={labelledBy}>
      <thead>
        <tr>
          <th scope="col">Reference</th>
          <th scope="col">About</th>
          <th scope="col">Received</th>
          <th scope="col">Due</th>
          <th scope="col">Standing</th>
          <th scope="col">Waiting on other agencies</th>
        </tr>
      </thead>
      <tbody>
        {sars.map((s) => (
          <tr key={s.id} data-testid="sar-row">
            <td><button type="button" className="button" onClick={() => onOpen(s.id)}>Open {s.reference}</button></td>
            <td>{s.person.name}</td>
            <td><time dateTime={s.receivedOn}>{formatDate(s.receivedOn)}</time></td>
            <td><time dateTime={s.dueOn}>{formatDate(s.dueOn)}</time>{s.extended ? ' (extended)' : ''}{s.dueOn === s.calendarDueOn ? '' : ' (next working day)'}</td>
            <td className={s.timeliness === 'overdue' ? styles.overdue : undefined}>{SAR_TIMELINESS_LABELS[s.timeliness]}</td>
            <td>{s.consultations.pending === 0 ? 'None' : `${s.consultations.pending} of ${s.consultations.pending + s.consultations.answered}`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
