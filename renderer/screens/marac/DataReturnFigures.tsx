/** The figures of a data return: each as a table (the record) and as an accessible bar chart of the counts shown. */
import { useId } from 'react';
import type { DataReturnRecord } from '../../../domain/marac/data-return-record.ts';
import { countCell, figureLines } from '../../../domain/marac/data-return-rows.ts';
import { SUPPRESSED_NOTE } from '../../words/data-return-words.ts';
import { CountBarChart, type ChartRow } from '../dashboard/CountBarChart.tsx';
import { CountTable } from '../dashboard/CountTable.tsx';
import styles from './Meetings.module.css';

/** Chart rows of the lines that are whole counts (a suppressed count or a percentage is not drawn). */
function chartRows(lines: ReadonlyArray<{ label: string; cell: string | number | null }>): ChartRow[] {
  return lines.flatMap((l) => (typeof l.cell === 'number' ? [{ label: l.label, count: l.cell }] : []));
}

/** The figures and the referrals by referring agency. */
export function DataReturnFigures({ record }: { record: DataReturnRecord }) {
  const id = useId();
  const lines = figureLines(record.figures);
  const agencies = record.figures.byReferringAgency.map((a) => ({ key: a.agency.id, label: a.agency.name, cell: countCell(a.count) }));
  const counted = lines.filter((l) => l.key !== 'repeatPercentage' && l.key !== 'casesDiscussed');
  return (
    <div data-testid="data-return-figures">
      {record.suppressUnder5 && <p className={styles.intro}>{SUPPRESSED_NOTE}</p>}
      <section className={styles.section} aria-labelledby={`${id}-cases`}>
        <h2 id={`${id}-cases`}>Cases and victims</h2>
        <CountTable id={`${id}-cases-table`} caption="The return’s figures" rowHeader="Figure" columns={['Value']}
          rows={lines.map((l) => ({ key: l.key, label: l.label, cells: [{ count: l.cell ?? '–' }] }))} />
        <CountBarChart title="Cases and victims counted" rows={chartRows(counted)} series={[{ key: 'count', name: 'Cases' }]} />
      </section>
      <section className={styles.section} aria-labelledby={`${id}-agencies`}>
        <h2 id={`${id}-agencies`}>Referrals by referring agency</h2>
        {agencies.length === 0 ? <p className="empty-state">No cases were discussed.</p> : (
          <>
            <CountTable id={`${id}-agencies-table`} caption="Referrals by referring agency" rowHeader="Referring agency" columns={['Referrals']}
              rows={agencies.map((a) => ({ key: a.key, label: a.label, cells: [{ count: a.cell ?? '–' }] }))} />
            <CountBarChart title="Referrals by referring agency" rows={chartRows(agencies)} series={[{ key: 'count', name: 'Referrals' }]} />
          </>
        )}
      </section>
    </div>
  );
}
