/** A Dashboard section counting open cases by risk level: a bar per level, and the same counts as a table. */
import type { ReactNode } from 'react';
import type { RiskCount } from '../../../domain/ipc/dashboard-channels.ts';
import type { RiskLevel } from '../../../domain/vocabulary.ts';
import { CountBarChart } from './CountBarChart.tsx';
import { CountTable } from './CountTable.tsx';
import { DashboardSection } from './DashboardSection.tsx';
import { riskChartRows, riskTableRows } from './dashboard-rows.ts';

/** The section's words, its counts, and where each count leads (when the queue has that filter). */
export interface RiskCountsSectionProps {
  title: string;
  caption: string;
  counts: readonly RiskCount[];
  empty: string;
  testId: string;
  figures?: ReactNode;
  note?: string | undefined;
  hrefFor?: ((riskLevel: RiskLevel) => string) | undefined;
  /** Show the chart and table even when every count is zero (when the figures above them say more). */
  alwaysShow?: boolean;
}

/** The section; with no cases at all it says so instead of drawing empty bars. */
export function RiskCountsSection({ title, caption, counts, empty, testId, figures, note, hrefFor, alwaysShow = false }: RiskCountsSectionProps) {
  const none = counts.every((c) => c.count === 0);
  return (
    <DashboardSection
      title={title}
      testId={testId}
      figures={figures}
      note={note}
      empty={none && !alwaysShow ? empty : null}
      chart={<CountBarChart title={caption} rows={riskChartRows(counts)} series={[{ key: 'count', name: 'Open cases' }]} />}
      table={(id) => <CountTable id={id} caption={caption} rowHeader="Risk level" columns={['Open cases']} rows={riskTableRows(counts, hrefFor)} />}
    />
  );
}
