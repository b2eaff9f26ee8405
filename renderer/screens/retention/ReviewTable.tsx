/** The review-due list as a table: reference, type, closed, due, latest decision, holds, and what can be done. */
import type { RetentionReviewItem } from '../../../domain/entities/retention.ts';
import { formatDate } from '../../words/format-date-time.ts';
import { useCaseTypeLabel } from '../../api/use-case-types.ts';
import { RETENTION_DECISION_LABELS } from '../../words/retention-words.ts';
import styles from './Retention.module.css';

/** The cases to show and what their buttons do. */
export interface ReviewTableProps {
  items: readonly RetentionReviewItem[];
  labelledBy: string;
  onReview: (item: RetentionReviewItem) => void;
  onErase: (item: RetentionReviewItem) => void;
}

/** One row per case; erasure is offered only after an erase decision and while no hold is on it. */
export function ReviewTable({ items, labelledBy, onReview, onErase }: ReviewTableProps) {
  const caseTypeLabel = useCaseTypeLabel();
  if (items.length === 0) {
    return <p className="empty-state">No closed cases are due for a retention review.</p>;
  }
  return (
    <table className="data-table" aria-labelledby={labelledBy}>
      <thead>
        <tr>
          <th scope="col">Case</th>
          <th scope="col">Closed</th>
          <th scope="col">Due</th>
          <th scope="col">Decision</th>
          <th scope="col">Legal hold</th>
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => {
          const decision = item.latestDecision;
          const erasable = decision?.decision === 'erase' && item.holds.length === 0;
          return (
            <tr key={item.caseId} data-testid="retention-row">
              <td>{item.reference}<br /><span className={styles.muted}>{`${caseTypeLabel(item.caseType)}, kept ${item.reviewAfterYears} years`}</span></td>
              <td><time dateTime={item.closedAt}>{formatDate(item.closedAt)}</time></td>
              <td><time dateTime={item.dueOn}>{formatDate(item.dueOn)}</time></td>
              <td>
                {decision === null ? 'None yet' : decision.decision === 'keep' && decision.keepUntil !== null
                  ? `Keep until ${formatDate(decision.keepUntil)}` : RETENTION_DECISION_LABELS[decision.decision]}
              </td>
              <td>{item.holds.length === 0 ? 'None' : item.holds.map((h) => `On hold since ${formatDate(h.placedAt)}: ${h.reason}`).join('; ')}</td>
              <td>
                <div className={styles.actions}>
                  <button type="button" className="button" onClick={() => onReview(item)} aria-label={`Review ${item.reference}`}>
                    Review
                  </button>
                  {erasable && (
                    <button type="button" className="button" onClick={() => onErase(item)} aria-label={`Erase ${item.reference}`}>
                      Erase…
                    </button>
                  )}
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
