/** The practitioner's case queue: filter, table, count and paging. */
import { useEffect, useId, useState } from 'react';
import type { QueuePage } from '../../../domain/ipc/contract.ts';
import type { Result } from '../../../domain/result.ts';
import { CaseQueueTable } from './CaseQueueTable.tsx';
import { useDesktopApi } from '../../api/desktop-api-context.ts';
import { plural } from '../../words/plural.ts';
import { QueuePager } from './QueuePager.tsx';
import { useDebouncedValue } from '../../components/use-debounced-value.ts';
import { RetryAlert } from '../../components/RetryAlert.tsx';

const FILTER_DELAY_MS = 200;

/** What the queue needs from the workspace. */
export interface CaseQueueProps {
  /** Changes when the cache may have changed (see cacheRefreshKey): a sync, a local change. */
  refreshKey: string;
  /** Rows per page, as the user chose in Settings; null while not known yet (the queue waits). */
  pageSize: number | null;
  onOpenCase: (caseId: string) => void;
}

/**
 * The queue re-queries when the filter settles, the page changes, or `refreshKey` moves
 * (newly synced cases appear, a local change shows). An answer is kept with the request it belongs
 * to, so a slow answer to an old filter can never be shown as the answer to the new one.
 */
export function CaseQueue({ refreshKey, pageSize, onOpenCase }: CaseQueueProps) {
  const api = useDesktopApi();
  const filterId = useId();
  const [filterText, setFilterText] = useState('');
  const filter = useDebouncedValue(filterText.trim(), FILTER_DELAY_MS);
  // Paging belongs to one filter and page size: a new one starts again at the first page (state
  // adjusted during render, React's pattern for resetting state when an input changes).
  const [paging, setPaging] = useState({ filter, pageSize, offset: 0 });
  const samePaging = paging.filter === filter && paging.pageSize === pageSize;
  if (!samePaging) {
    setPaging({ filter, pageSize, offset: 0 });
  }
  const offset = samePaging ? paging.offset : 0;
  const [attempt, setAttempt] = useState(0);
  const requestKey = JSON.stringify([filter, pageSize, offset, refreshKey, attempt]);
  const [answer, setAnswer] = useState<{ key: string; result: Result<QueuePage> } | null>(null);
  // The last page received, kept on screen (dimmed) while the next one loads.
  const [shown, setShown] = useState<{ page: QueuePage; offset: number } | null>(null);

  useEffect(() => {
    if (pageSize === null) {
      return undefined;
    }
    let current = true;
    void api['cases.queue']({ filter, limit: pageSize, offset }).then((result) => {
      if (current) {
        setAnswer({ key: requestKey, result });
        if (result.ok) {
          setShown({ page: result.value, offset });
        }
      }
    });
    return () => {
      current = false;
    };
  }, [api, filter, pageSize, offset, requestKey]);

  const loading = answer?.key !== requestKey;
  const failure = !loading && answer && !answer.result.ok ? answer.result.error : null;

  return (
    <section className="queue" aria-labelledby={`${filterId}-heading`}>
      <div className="queue__toolbar">
        <h1 id={`${filterId}-heading`} className="queue__heading">
          Case queue
        </h1>
        <label className="queue__filter-label" htmlFor={filterId}>
          Filter cases
        </label>
        <input
          id={filterId}
          className="queue__filter"
          type="search"
          placeholder="Reference, title, type or agency"
          maxLength={200}
          autoComplete="off"
          value={filterText}
          onChange={(event) => setFilterText(event.target.value)}
        />
        <p className="queue__count" aria-live="polite">
          {shown ? plural(shown.page.total, 'case') : ''}
        </p>
        {loading && shown ? <p className="queue__updating">Updating…</p> : null}
      </div>
      {failure && <RetryAlert className="queue__message" error={failure} onRetry={() => setAttempt((n) => n + 1)} />}
      {!shown && loading && (
        <p className="queue__message" role="status">
          Loading cases…
        </p>
      )}
      {shown && !failure && shown.page.rows.length === 0 && !loading && (
        <p className="queue__message">{filter ? `No cases match “${filter}”.` : 'Your queue has no cases yet.'}</p>
      )}
      {shown && shown.page.rows.length > 0 && !failure && (
        <div className="queue__scroll">
          <CaseQueueTable rows={shown.page.rows} busy={loading} onOpenCase={onOpenCase} />
        </div>
      )}
      {shown && pageSize !== null && (shown.offset > 0 || shown.page.total > shown.page.rows.length) && !failure && (
        <QueuePager
          offset={shown.offset}
          pageSize={pageSize}
          rowCount={shown.page.rows.length}
          total={shown.page.total}
          busy={loading}
          onOffsetChange={(next) => setPaging({ filter, pageSize, offset: next })}
        />
      )}
    </section>
  );
}
