/** The case's chronology tab: everything on the case in time order, newest first, each entry with the agency it came from. */
import type { ChronologyEntry, ChronologyKind } from '../../../domain/ipc/case-chronology.ts';
import { errorBodyOf } from '../../api/desktop-call-error.ts';
import { useDesktopQuery } from '../../api/desktop-query.ts';
import { RetryAlert } from '../../components/RetryAlert.tsx';
import { MARKER_TYPE_LABELS } from '../../words/display-labels.ts';
import { formatDateTime } from '../../words/format-date-time.ts';
import styles from './CaseDetail.module.css';
import panelStyles from './CasePanel.module.css';

/** What each kind of entry is called. */
const KIND_WORDS: Record<ChronologyKind, string> = {
  case_opened: 'Case opened',
  person_added: 'Person added',
  place_added: 'Place added',
  report: 'Report',
  document: 'Document added',
  marker_placed: 'Warning placed',
  marker_ended: 'Warning ended',
  task_set: 'Task set',
  task_update: 'Task update',
};

/** The case whose chronology is shown, and how to open a task from it. */
export interface CaseChronologyProps {
  caseId: string;
  onOpenTask?: ((taskId: string) => void) | undefined;
}

/** Read from the offline copy; changes of status and sharing are not kept there as history, and the note says so. */
export function CaseChronology({ caseId, onOpenTask }: CaseChronologyProps) {
  const query = useDesktopQuery('cases.chronology', { caseId });
  const failure = errorBodyOf(query.error);
  if (failure) {
    return <RetryAlert className={styles.message} error={failure} onRetry={() => void query.refetch()} />;
  }
  if (!query.data) {
    return <p className={panelStyles.empty} role="status">Loading the chronology…</p>;
  }
  return (
    <>
      <p className={panelStyles.empty}>Newest first. Changes of status and sharing are in the audit trail, not here.</p>
      <ol className={panelStyles.list} data-testid="case-chronology">
        {query.data.entries.map((e) => (
          <li key={e.key} className={panelStyles.item}>
            <span className={panelStyles.main}>
              <strong>{KIND_WORDS[e.kind]}</strong>{': '}
              {e.taskId && onOpenTask ? (
                <button type="button" className={styles.personLink} onClick={() => onOpenTask(e.taskId!)}>{entryText(e)}</button>
              ) : entryText(e)}
            </span>
            <span className={panelStyles.meta}>
              <time dateTime={e.at}>{formatDateTime(e.at)}</time>
              {e.agencyName && ` · ${e.agencyName}`}
            </span>
          </li>
        ))}
      </ol>
    </>
  );
}

function entryText(e: ChronologyEntry): string {
  return e.markerType ? `${MARKER_TYPE_LABELS[e.markerType]} — ${e.text}` : e.text;
}
