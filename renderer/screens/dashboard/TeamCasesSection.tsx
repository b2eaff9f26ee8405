/** "My team's open cases": one stacked bar per case type (a colour per risk level), and a type × risk table linked to the queue. */
import type { Dashboard } from '../../../domain/ipc/dashboard-channels.ts';
import { RISK_LEVELS, type CaseType } from '../../../domain/vocabulary.ts';
import { useCaseTypeLabel } from '../../api/use-case-types.ts';
import { RISK_LEVEL_LABELS } from '../../words/display-labels.ts';
import { CountBarChart, type ChartRow } from './CountBarChart.tsx';
import { CountTable, type CountRow } from './CountTable.tsx';
import { DashboardSection } from './DashboardSection.tsx';
import { queueHref } from './dashboard-links.ts';

const CAPTION = "My teams' open cases by case type and risk level";

/** The counts, and whether the user is in any team. */
export interface TeamCasesSectionProps {
  counts: Dashboard['teamCases'];
  inATeam: boolean;
}

/** Case types in the order of their labels, each with its count per risk level. */
function byType(counts: Dashboard['teamCases'], labelOf: (code: string) => string) {
  const types = [...new Set(counts.map((c) => c.caseType))].sort((a, b) => labelOf(a).localeCompare(labelOf(b), 'en-GB'));
  const count = (type: CaseType, risk: string) => counts.find((c) => c.caseType === type && c.riskLevel === risk)?.count ?? 0;
  return types.map((type) => ({ type, perRisk: RISK_LEVELS.map((risk) => count(type, risk)) }));
}

/** The section. */
export function TeamCasesSection({ counts, inATeam }: TeamCasesSectionProps) {
  const labelOf = useCaseTypeLabel();
  const types = byType(counts, labelOf);
  const chartRows: ChartRow[] = types.map(({ type, perRisk }) => ({
    label: labelOf(type), ...Object.fromEntries(RISK_LEVELS.map((risk, i) => [risk, perRisk[i]!])),
  }));
  const tableRows: CountRow[] = types.map(({ type, perRisk }) => ({
    key: type,
    label: labelOf(type),
    cells: [
      ...RISK_LEVELS.map((risk, i) => ({ count: perRisk[i]!, href: queueHref({ tab: 'team_cases', status: 'open', type, risk }) })),
      { count: perRisk.reduce((n, c) => n + c, 0), href: queueHref({ tab: 'team_cases', status: 'open', type }) },
    ],
  }));
  return (
    <DashboardSection
      title="My team's open cases"
      testId="dashboard-team-cases"
      empty={!inATeam ? 'You are not in a team.' : types.length === 0 ? 'Your teams have no open cases.' : null}
      chart={<CountBarChart title={CAPTION} rows={chartRows} series={RISK_LEVELS.map((r) => ({ key: r, name: RISK_LEVEL_LABELS[r] }))} stacked />}
      table={(id) => (
        <CountTable id={id} caption={CAPTION} rowHeader="Case type" columns={[...RISK_LEVELS.map((r) => RISK_LEVEL_LABELS[r]), 'All risk levels']} rows={tableRows} />
      )}
    />
  );
}
