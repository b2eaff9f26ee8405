/** The export jobs running on this node: started without awaiting, stopped on cancel or shutdown. */
import type { AuditExportJobEnv, AuditExportJobSpec } from './run-audit-export.ts';
import { runAuditExport } from './run-audit-export.ts';

/** Starts and stops this node's export jobs. */
export interface ExportJobs {
  /** Starts a job in the background. */
  start(spec: AuditExportJobSpec): void;
  /** Stops a job running here and waits for it to clean up; a job on another node stops at its next page. */
  stop(id: string): Promise<void>;
  /** Stops every job (server shutdown). */
  stopAll(): Promise<void>;
}

/** The job table of one node. */
export function createExportJobs(env: AuditExportJobEnv, run = runAuditExport): ExportJobs {
  const running = new Map<string, { controller: AbortController; done: Promise<void> }>();
  return {
    start(spec) {
      const controller = new AbortController();
      const done = run(env, spec, controller.signal).finally(() => running.delete(spec.id));
      running.set(spec.id, { controller, done });
    },
    async stop(id) {
      const job = running.get(id);
      if (job) {
        job.controller.abort();
        await job.done;
      }
    },
    async stopAll() {
      await Promise.all([...running.keys()].map((id) => this.stop(id)));
    },
  };
}
