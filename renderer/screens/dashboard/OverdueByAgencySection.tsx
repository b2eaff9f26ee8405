/** "Overdue tasks by agency": open tasks past their due date, per agency they are assigned to. */
import type { Dashboard } from '../../../domain/ipc/dashboard-channels.ts';
import { CountBarChart } from './CountBarChart.tsx';
import { CountTable } from './CountTable.tsx';
import { DashboardSection } from './DashboardSection.tsx';

const CAPTION = 'Overdue tasks by the agency they are assigned to';

/** The section; the queue lists cases, not tasks, so these counts are not links. */
export function OverdueByAgencySection({ counts }: { counts: Dashboard['overdueTasksByAgency'] }) {
  return (
    <DashboardSection
      title="Overdue tasks by agency"
      testId="dashboard-overdue-tasks"
      empty={counts.length === 0 ? 'No tasks are overdue.' : null}
      chart={<CountBarChart title={CAPTION} rows={counts.map((c) => ({ label: c.agencyName, count: c.count }))} series={[{ key: 'count', name: 'Overdue tasks' }]} />}
      table={(id) => (
        <CountTable
          id={id}
          caption={CAPTION}
          rowHeader="Agency"
          columns={['Overdue tasks']}
          rows={counts.map((c) => ({ key: c.agencyId, label: c.agencyName, cells: [{ count: c.count }] }))}
        />
      )}
    />
  );
}
