/** One section of the Dashboard: its heading, figures, chart, and the chart's table behind "Show as table". */
import { useId, useState, type ReactNode } from 'react';
import styles from './Dashboard.module.css';

/** The heading, optional figures and note above the chart, the chart and its table (given the table's id). */
export interface DashboardSectionProps {
  title: string;
  /** Shown instead of the chart and table when there is nothing to count. */
  empty?: string | null | undefined;
  figures?: ReactNode;
  note?: string | undefined;
  chart: ReactNode;
  table: (id: string) => ReactNode;
  testId: string;
}

/** The table starts hidden; the toggle says whether it is shown (aria-expanded) and which element it controls. */
export function DashboardSection({ title, empty, figures, note, chart, table, testId }: DashboardSectionProps) {
  const id = useId();
  const [showTable, setShowTable] = useState(false);
  return (
    <section className={styles.section} aria-labelledby={`${id}-title`} data-testid={testId}>
      <h2 id={`${id}-title`} className={styles.sectionTitle}>{title}</h2>
      {figures}
      {note !== undefined && <p className={styles.note}>{note}</p>}
      {empty ? <p className="empty-state">{empty}</p> : (
        <>
          <button type="button" className="button" aria-expanded={showTable} aria-controls={`${id}-table`} onClick={() => setShowTable(!showTable)}>
            {showTable ? 'Hide table' : 'Show as table'}
          </button>
          <div className={styles.views}>
            {chart}
            <div id={`${id}-table`} hidden={!showTable} className={styles.tableView}>
              {showTable && table(`${id}-counts`)}
            </div>
          </div>
        </>
      )}
    </section>
  );
}
