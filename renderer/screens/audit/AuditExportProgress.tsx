/** The progress of a running export: an accessible progress bar (rows written of the total) and a Cancel button. */
import type { AuditExportJob } from '../../../domain/audit/audit-export.ts';
import styles from './AuditExport.module.css';

/** What the bar shows and what Cancel does. */
export interface AuditExportProgressProps {
  job: AuditExportJob;
  cancelling: boolean;
  onCancel: () => void;
}

const count = (n: number) => n.toLocaleString('en-GB');

/** The bar, its words and the Cancel button. */
export function AuditExportProgress({ job, cancelling, onCancel }: AuditExportProgressProps) {
  const total = Math.max(job.rowsTotal, job.rowsWritten);
  const percent = total === 0 ? 0 : Math.floor((job.rowsWritten / total) * 100);
  const words = `${count(job.rowsWritten)} of ${count(total)} events written`;
  return (
    <div className={styles.progress}>
      <div
        role="progressbar"
        aria-label="Export progress"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={job.rowsWritten}
        aria-valuetext={`${words} (${percent} %)`}
        className={styles.track}
      >
        <div className={styles.fill} style={{ width: `${percent}%` }} />
      </div>
      <p className={styles.meta}>{words}</p>
      <button type="button" className="button" onClick={onCancel} disabled={cancelling}>
        {cancelling ? 'Cancelling…' : 'Cancel export'}
      </button>
    </div>
  );
}
