/** Previous / Next paging for the case queue. */
import styles from './QueuePager.module.css';

/** Where the current page sits in the whole result. */
export interface QueuePagerProps {
  offset: number;
  pageSize: number;
  rowCount: number;
  total: number;
  /** More cases match than `total` (a broad text filter stops counting): "of more than 1,000", and Next stays on. */
  totalCapped: boolean;
  busy: boolean;
  onOffsetChange: (offset: number) => void;
}

/** "Showing 101–200 of 523" (or "of more than 1,000") with Previous and Next buttons. */
export function QueuePager({ offset, pageSize, rowCount, total, totalCapped, busy, onOffsetChange }: QueuePagerProps) {
  const first = rowCount === 0 ? 0 : offset + 1;
  const last = offset + rowCount;
  const count = (n: number) => n.toLocaleString('en-GB');
  return (
    <nav className={styles.pager} aria-label="Case queue pages">
      <p className={styles.range}>
        Showing {count(first)}–{count(last)} of {totalCapped ? 'more than ' : ''}{count(total)}
      </p>
      <button
        type="button"
        className="button"
        disabled={busy || offset === 0}
        onClick={() => onOffsetChange(Math.max(0, offset - pageSize))}
      >
        Previous
      </button>
      <button
        type="button"
        className="button"
        disabled={busy || (!totalCapped && last >= total)}
        onClick={() => onOffsetChange(offset + pageSize)}
      >
        Next
      </button>
    </nav>
  );
}
