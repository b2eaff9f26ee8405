/** Turns the Dashboard's counts into chart rows and table rows, in the words people see. */
import type { RiskCount } from '../../../domain/ipc/dashboard-channels.ts';
import type { RiskLevel } from '../../../domain/vocabulary.ts';
import { RISK_LEVEL_LABELS } from '../../words/display-labels.ts';
import type { ChartRow } from './CountBarChart.tsx';
import type { CountRow } from './CountTable.tsx';

/** One bar per risk level. */
export function riskChartRows(counts: readonly RiskCount[]): ChartRow[] {
  return counts.map((c) => ({ label: RISK_LEVEL_LABELS[c.riskLevel], count: c.count }));
}

/** One table row per risk level, each count linked to the queue when `hrefFor` says where. */
export function riskTableRows(counts: readonly RiskCount[], hrefFor?: (riskLevel: RiskLevel) => string): CountRow[] {
  return counts.map((c) => ({
    key: c.riskLevel,
    label: RISK_LEVEL_LABELS[c.riskLevel],
    cells: [{ count: c.count, href: hrefFor?.(c.riskLevel) }],
  }));
}
