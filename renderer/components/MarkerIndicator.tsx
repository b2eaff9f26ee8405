/** A compact warning flag for a list row (queue, people on a case): the leading kind in words, staff safety first, and how many more. */
import type { MarkerType } from '../../domain/vocabulary.ts';
import { MARKER_TYPE_LABELS } from '../words/display-labels.ts';
import styles from './MarkerIndicator.module.css';

/** The flag, or nothing when there is no active warning. `types` come in vocabulary order (staff safety first). */
export function MarkerIndicator({ types }: { types: readonly MarkerType[] }) {
  const [first, ...rest] = types;
  if (first === undefined) {
    return null;
  }
  const words = [first, ...rest].map((t) => `${MARKER_TYPE_LABELS[t]} warning`).join(', ');
  return (
    <span className={first === 'staff_safety' ? `${styles.flag} ${styles.staffSafety}` : styles.flag} data-testid="marker-indicator">
      <span aria-hidden="true">
        ⚠ {MARKER_TYPE_LABELS[first]}
        {rest.length > 0 ? ` +${rest.length}` : ''}
      </span>
      <span className="visually-hidden">{words}</span>
    </span>
  );
}
