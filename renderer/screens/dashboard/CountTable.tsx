/**
 * A chart's table alternative: one row per category, one column per count. A count the queue can
 * filter to is a link to that filtered queue; its name says what it counts.
 */
import styles from './CountTable.module.css';

/** One count, and the queue URL that lists what it counts (when the queue has that filter). */
export interface CountCell {
  /** The count, or words standing for it (e.g. "fewer than 5" where small counts are suppressed). */
  count: number | string;
  href?: string | undefined;
}

/** One row: its label (the row header) and its counts, in column order. */
export interface CountRow {
  key: string;
  label: string;
  cells: readonly CountCell[];
}

/** The table's caption, its header for the label column, the count columns and the rows. */
export interface CountTableProps {
  id: string;
  caption: string;
  rowHeader: string;
  columns: readonly string[];
  rows: readonly CountRow[];
}

/** The table; numbers are right-aligned so they compare at a glance. */
export function CountTable({ id, caption, rowHeader, columns, rows }: CountTableProps) {
  return (
    <table id={id} className={styles.table}>
      <caption className={styles.caption}>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{rowHeader}</th>
          {columns.map((c) => (
            <th key={c} scope="col" className={styles.number}>{c}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.label}</th>
            {row.cells.map((cell, i) => (
              <td key={columns[i]} className={styles.number}>
                {cell.href === undefined ? cell.count : (
                  <a href={cell.href} aria-label={`${String(cell.count)}: ${row.label}, ${columns[i]!.toLowerCase()} (show in the queue)`}>{cell.count}</a>
                )}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
