/** The practitioner's case queue: tabs, filters, text filter, sortable table, count and paging, all held in the URL. */
import { keepPreviousData } from '@tanstack/react-query';
import { useEffect, useEffectEvent, useId, useRef, useState } from 'react';
import { QUEUE_FILTER_MAX, QUEUE_TABS } from '../../../domain/ipc/case-channels.ts';
import { errorBodyOf } from '../../api/desktop-call-error.ts';
import { useDesktopQuery } from '../../api/desktop-query.ts';
import { RetryAlert } from '../../components/RetryAlert.tsx';
import { Tabs } from '../../components/Tabs.tsx';
import { useDebouncedValue } from '../../components/use-debounced-value.ts';
import { QUEUE_TAB_LABELS } from '../../words/display-labels.ts';
import { plural } from '../../words/plural.ts';
import { CaseQueueTable } from './CaseQueueTable.tsx';
import { QueueFilters } from './QueueFilters.tsx';
import { QueuePager } from './QueuePager.tsx';
import { queueInput, queueSearch, type QueueSearch } from './queue-search.ts';
import styles from './CaseQueue.module.css';

/** Filters shorter than this match broadly (most letters are in most cases), so they wait for a pause (SHORT_FILTER_DELAY_MS). */
const SHORT_FILTER_CHARS = 3;
/** How long a one- or two-character filter waits for the next key before it is asked. */
const SHORT_FILTER_DELAY_MS = 150;

/** What the queue needs from its route. */
export interface CaseQueueProps {
  /** The tab, filters, sort, text filter and page from the URL. */
  search: QueueSearch;
  /** Rows per page, as the user chose in Settings; null while not known yet (the queue waits). */
  pageSize: number | null;
  /** Puts a new view or page in the URL; `replace` for typing, so Back does not step through keystrokes. */
  onSearchChange: (search: QueueSearch, options: { replace: boolean }) => void;
  onOpenCase: (caseId: string) => void;
}

/**
 * The page shown is the URL's, except that the text in the filter box asks for its rows at once (from
 * the first page) and reaches the URL after them; choosing a tab, filter or sort goes back to the first page too. While the next
 * page loads the last one stays on screen, dimmed; fresh data arrives when sync invalidates the query
 * (see useSyncInvalidation). `/` anywhere outside a field jumps to the filter box; ArrowDown there moves
 * into the rows.
 */
export function CaseQueue({ search, pageSize, onSearchChange, onOpenCase }: CaseQueueProps) {
  const filterId = useId();
  const filterBox = useRef<HTMLInputElement>(null);
  const rowsArea = useRef<HTMLDivElement>(null);
  const filter = search.q ?? '';
  const [filterText, setFilterText] = useState(filter);
  // The filters this queue put in the URL that have not come back yet: their arrival must not undo
  // keystrokes typed meanwhile.
  const [written, setWritten] = useState<readonly string[]>([]);
  // Back or Forward brought another filter: the box shows it (state adjusted during render).
  const [shownFilter, setShownFilter] = useState(filter);
  if (shownFilter !== filter) {
    setShownFilter(filter);
    const ours = written.indexOf(filter);
    setWritten(ours === -1 ? [] : written.slice(ours + 1));
    if (ours === -1) {
      setFilterText(filter);
    }
  }
  // The rows follow the box at once (the cache answers any text through an index in milliseconds:
  // main/cache/queue-query.ts); the URL catches up once they are shown, so no keystroke waits for the
  // router. One or two characters wait for a short pause: on the way to a longer filter they would draw
  // broad pages, each recorded as a search in the audit trail (docs/audit.md), for text nobody meant.
  const typed = filterText.trim();
  const pausedOn = useDebouncedValue(typed, SHORT_FILTER_DELAY_MS);
  // A short filter the URL brought (a link, Back, Forward) is asked at once.
  const waits = typed !== '' && [...typed].length < SHORT_FILTER_CHARS && typed !== filter && pausedOn !== typed;
  const asked = waits ? pausedOn : typed;
  const view = asked === filter ? search : queueSearch(search, { q: asked });
  const change = (patch: Partial<QueueSearch>) => onSearchChange(queueSearch(view, patch), { replace: false });
  const page = view.page ?? 1;
  useEffect(() => {
    const slash = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const typing = target !== null && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
      if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        filterBox.current?.focus();
        filterBox.current?.select();
      }
    };
    document.addEventListener('keydown', slash);
    return () => document.removeEventListener('keydown', slash);
  }, []);

  const offset = pageSize === null ? 0 : (page - 1) * pageSize;
  const query = useDesktopQuery(
    'cases.queue',
    queueInput(view, pageSize ?? 1, offset),
    { enabled: pageSize !== null, placeholderData: keepPreviousData },
  );
  const shown = query.data;
  // The typed text goes into the URL (replacing, so Back does not step through keystrokes) once its
  // rows are on screen, or once they failed; a URL change alone never writes the old text back.
  const answered = (query.isSuccess && !query.isPlaceholderData) || query.isError;
  const catchUpUrl = (text: string): boolean => {
    if (text === filter) {
      return false;
    }
    setWritten((before) => [...before, text]);
    onSearchChange(queueSearch(search, { q: text }), { replace: true });
    return true;
  };
  const catchUpOnAnswer = useEffectEvent(() => catchUpUrl(asked));
  // `filter` too: a filter of ours arriving after the box moved on (even back to the URL's old text) needs another write.
  useEffect(() => {
    if (answered) {
      catchUpOnAnswer();
    }
  }, [answered, asked, filter]);
  // Opening a case puts the typed text in the URL first, so Back returns to it. The router writes the
  // browser history once per tick (the last location wins), so the case opens a task later, or the
  // replace would be folded into the push and the queue's entry would keep the older text.
  const openCase = (caseId: string) => {
    if (catchUpUrl(typed)) {
      setTimeout(() => onOpenCase(caseId), 0);
    } else {
      onOpenCase(caseId);
    }
  };
  // The offset of the page on screen: while the next page loads, the last one stays (dimmed).
  const [shownOffset, setShownOffset] = useState(offset);
  if (query.isSuccess && !query.isPlaceholderData && shownOffset !== offset) {
    setShownOffset(offset);
  }
  const loading = query.isFetching;
  // The pager waits only while another page (or view) is on its way; a sync re-reading the page on
  // screen must not swallow a click on Next.
  const changingPage = query.isPlaceholderData;
  const failure = query.isError ? errorBodyOf(query.error) : null;
  const narrowed = (view.tab ?? 'all') !== 'all' || view.type !== undefined || view.status !== undefined || view.risk !== undefined
    || view.owner !== undefined || view.overdue !== undefined;

  return (
    <section className={styles.queue} aria-labelledby={`${filterId}-heading`}>
      <div className={styles.toolbar}>
        <h1 id={`${filterId}-heading`} className={styles.heading}>
          Case queue
        </h1>
        <label className={styles.filterLabel} htmlFor={filterId}>
          Filter cases
        </label>
        <input
          id={filterId}
          className={styles.filter}
          type="search"
          placeholder="Reference, title, type or agency"
          maxLength={QUEUE_FILTER_MAX}
          autoComplete="off"
          ref={filterBox}
          aria-keyshortcuts="/"
          value={filterText}
          onChange={(event) => setFilterText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown') {
              const row = rowsArea.current?.querySelector<HTMLButtonElement>('tbody button[tabindex="0"]');
              if (row) {
                event.preventDefault();
                row.focus();
              }
            }
          }}
        />
        <p className={styles.count} aria-live="polite">
          {shown ? `${shown.totalCapped ? 'More than ' : ''}${plural(shown.total, 'case')}` : ''}
        </p>
        {loading && shown ? <p className={styles.updating}>Updating…</p> : null}
      </div>
      <Tabs idPrefix={filterId} label="Case queue views" tabs={QUEUE_TABS} labels={QUEUE_TAB_LABELS} selected={search.tab ?? 'all'} onSelect={(tab) => change({ tab })}>
      <QueueFilters search={search} onChange={change} />
      {failure && <RetryAlert className={styles.message} error={failure} onRetry={() => void query.refetch()} />}
      {!shown && loading && (
        <p className={styles.message} role="status">
          Loading cases…
        </p>
      )}
      {shown && !failure && shown.rows.length === 0 && !loading && (
        <p className={styles.message}>
          {asked ? `No cases match “${asked}”${narrowed ? ' here' : ''}.` : narrowed ? 'No cases here.' : 'Your queue has no cases yet.'}
        </p>
      )}
      {shown && shown.rows.length > 0 && !failure && (
        <div className={styles.scroll} ref={rowsArea}>
          <CaseQueueTable
            rows={shown.rows}
            busy={loading}
            sort={search.sort ?? 'updated'}
            direction={search.dir ?? 'desc'}
            onSortChange={(sort, dir) => change({ sort, dir })}
            onOpenCase={openCase}
          />
        </div>
      )}
      {shown && pageSize !== null && (shownOffset > 0 || shown.total > shown.rows.length || shown.totalCapped) && !failure && (
        <QueuePager
          offset={shownOffset}
          pageSize={pageSize}
          rowCount={shown.rows.length}
          total={shown.total}
          totalCapped={shown.totalCapped}
          busy={changingPage}
          onOffsetChange={(next) => onSearchChange(queueSearch(view, { page: Math.floor(next / pageSize) + 1 }), { replace: false })}
        />
      )}
      </Tabs>
    </section>
  );
}
