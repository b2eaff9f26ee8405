/**
 * "Workload per worker", for team managers: open cases and open tasks per member of their teams.
 * The offline copy holds user ids but not colleagues' names, so a colleague is shown by the start of
 * their user ID (the manager is named).
 */
import type { WorkerLoad } from '../../../domain/ipc/dashboard-channels.ts';
import { CountBarChart } from './CountBarChart.tsx';
import { CountTable } from './CountTable.tsx';
import { DashboardSection } from './DashboardSection.tsx';

const CAPTION = 'Open cases and open tasks per member of my teams';

/** The loads, and who is looking (to name them). */
export interface WorkersSectionProps {
  workers: readonly WorkerLoad[];
  me: { id: string; displayName: string };
}

/** How a worker is named: the manager by name, a colleague by the start of their user ID. */
export function workerLabel(userId: string, me: { id: string; displayName: string }): string {
  return userId === me.id ? `${me.displayName} (you)` : `Colleague ${userId.slice(0, 8)}`;
}

/** The section. */
export function WorkersSection({ workers, me }: WorkersSectionProps) {
  const rows = workers.map((w) => ({ label: workerLabel(w.userId, me), cases: w.openCases, tasks: w.openTasks }));
  return (
    <DashboardSection
      title="Workload per worker"
      testId="dashboard-workers"
      note="Colleagues' names are not kept on this computer, so each is shown by the start of their user ID."
      empty={workers.length === 0 ? 'No one in your teams has open cases or tasks.' : null}
      chart={<CountBarChart title={CAPTION} rows={rows} series={[{ key: 'cases', name: 'Open cases' }, { key: 'tasks', name: 'Open tasks' }]} />}
      table={(id) => (
        <CountTable
          id={id}
          caption={CAPTION}
          rowHeader="Worker"
          columns={['Open cases', 'Open tasks']}
          rows={workers.map((w) => ({ key: w.userId, label: workerLabel(w.userId, me), cells: [{ count: w.openCases }, { count: w.openTasks }] }))}
        />
      )}
    />
  );
}
