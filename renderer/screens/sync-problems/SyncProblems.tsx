/** The Sync problems screen: changes in conflict with a newer server version, and changes the server refused. */
import { useEffect, useId, useRef, useState } from 'react';
import type { RejectedChange, SyncConflict } from '../../../domain/ipc/sync-channels.ts';
import type { SyncStatus } from '../../../domain/ipc/sync-status.ts';
import type { ErrorBody } from '../../../domain/errors.ts';
import { cacheRefreshKey } from '../../api/cache-refresh-key.ts';
import { ConflictItem } from './ConflictItem.tsx';
import { BackToQueueHeading } from '../../components/BackToQueueHeading.tsx';
import { useDesktopApi } from '../../api/desktop-api-context.ts';
import { plural } from '../../words/plural.ts';
import { RefusedChangeList } from './RefusedChangeList.tsx';
import { RetryAlert } from '../../components/RetryAlert.tsx';

/** What the screen needs from the workspace. */
export interface SyncProblemsProps {
  status: SyncStatus | null;
  onBack: () => void;
  onOpenCase: (caseId: string) => void;
}

type Problems = { conflicts: SyncConflict[]; refused: RejectedChange[] };

/**
 * Lists both kinds of problem, read again whenever the sync status moves (a resolution, a
 * dismissal, a sync). None of them holds up other changes: the outbox moved on past them.
 */
export function SyncProblems({ status, onBack, onOpenCase }: SyncProblemsProps) {
  const api = useDesktopApi();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [attempt, setAttempt] = useState(0);
  const requestKey = JSON.stringify([cacheRefreshKey(status), attempt]);
  const [answer, setAnswer] = useState<{ key: string; problems: Problems | null; error: ErrorBody | null } | null>(null);
  const [shown, setShown] = useState<Problems | null>(null);

  useEffect(() => {
    let current = true;
    void Promise.all([api['sync.conflicts'](null), api['sync.rejected'](null)]).then(([conflicts, refused]) => {
      if (!current) {
        return;
      }
      if (conflicts.ok && refused.ok) {
        const problems = { conflicts: conflicts.value, refused: refused.value };
        setAnswer({ key: requestKey, problems, error: null });
        setShown(problems);
      } else {
        setAnswer({ key: requestKey, problems: null, error: !conflicts.ok ? conflicts.error : !refused.ok ? refused.error : null });
      }
    });
    return () => {
      current = false;
    };
  }, [api, requestKey]);

  useEffect(() => {
    heading.current?.focus();
  }, []);

  // A resolved item leaves the list; focus goes back to the heading rather than to the page's end.
  const settled = () => {
    setAttempt((n) => n + 1);
    heading.current?.focus();
  };
  const loading = answer?.key !== requestKey;
  const failure = !loading ? answer?.error ?? null : null;
  const empty = shown !== null && shown.conflicts.length === 0 && shown.refused.length === 0;

  return (
    <section className="problems" aria-labelledby={`${id}-title`} aria-busy={loading} data-testid="sync-problems">
      <BackToQueueHeading id={`${id}-title`} title="Sync problems" headingRef={heading} onBack={onBack} />
      <p className="problems__intro">
        These changes of yours did not reach the server as you made them. They do not hold up anything else: your other changes are sent as
        usual.
      </p>
      {failure && <RetryAlert className="case-detail__message" error={failure} onRetry={() => setAttempt((n) => n + 1)} />}
      {!shown && loading && (
        <p className="case-detail__message" role="status">
          Loading sync problems…
        </p>
      )}
      {empty && (
        <p className="problems__empty" role="status">
          No sync problems: nothing is in conflict and nothing was refused.
          {status && status.pendingChanges > 0 ? ` ${plural(status.pendingChanges, 'change')} still waiting to be sent.` : ''}
        </p>
      )}
      {shown && shown.conflicts.length > 0 && (
        <section className="problems__group" aria-labelledby={`${id}-conflicts`}>
          <h2 id={`${id}-conflicts`} className="case-panel__title">
            Conflicts to resolve ({shown.conflicts.length})
          </h2>
          <ul className="problems__list">
            {shown.conflicts.map((conflict) => (
              <ConflictItem key={conflict.id} conflict={conflict} onResolved={settled} onOpenCase={onOpenCase} />
            ))}
          </ul>
        </section>
      )}
      {shown && shown.refused.length > 0 && (
        <section className="problems__group" aria-labelledby={`${id}-refused`}>
          <h2 id={`${id}-refused`} className="case-panel__title">
            Refused changes ({shown.refused.length})
          </h2>
          <RefusedChangeList changes={shown.refused} dismiss={(mutationId) => api['sync.dismissRejected']({ mutationId })} onDismissed={settled} />
        </section>
      )}
    </section>
  );
}
