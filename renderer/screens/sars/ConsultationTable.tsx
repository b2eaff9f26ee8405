/** The consultations addressed to the agency: who asked, about whom, when due, and the answer so far. */
import type { SarConsultationSummary } from '../../../domain/http/sar-routes.ts';
import { formatDate } from '../../words/format-date-time.ts';
import { SAR_CONSULTATION_LABELS, SAR_TIMELINESS_LABELS } from '../../words/sar-words.ts';

/** The consultations and how to open one. */
export interface ConsultationTableProps {
  consultations: readonly SarConsultationSummary[];
  labelledBy: string;
  onOpen: (consultationId: string) => void;
}

/** One row per consultation, pending first. */
export function ConsultationTable({ consultations, labelledBy, onOpen }: ConsultationTableProps) {
  if (consultations.length === 0) {
    return <p className="empty-state">No consultations for your agency.</p>;
  }
  return (
    <table className="data-table" aria-labelledby={labelledBy}>
      <thead>
        <tr>
          <th scope="col">Request</th>
          <th scope="col">From</th>
          <th scope="col">About</th>
          <th scope="col">Due</th>
          <th scope="col">Answer</th>
        </tr>
      </thead>
      <tbody>
        {consultations.map((c) => (
          <tr key={c.id} data-testid="consultation-row">
            <td><button type="button" className="button" onClick={() => onOpen(c.id)}>Open {c.sarReference}</button></td>
            <td>{c.receivingAgency.name}</td>
            <td>{c.person.name}</td>
            <td><time dateTime={c.dueOn}>{formatDate(c.dueOn)}</time>{c.dueOn === c.calendarDueOn ? '' : ' (next working day)'} ({SAR_TIMELINESS_LABELS[c.timeliness]})</td>
            <td>{SAR_CONSULTATION_LABELS[c.status]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
