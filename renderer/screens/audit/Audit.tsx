/**
 * The Audit screen of data officers and team managers: filters, the events found (newest first,
 * "Older events" reads the next page) and one event's detail. Read from the server each time.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { AuditEvent } from '../../../domain/audit/audit-search.ts';
import { errorBodyOf } from '../../api/desktop-call-error.ts';
import { BackToQueueHeading } from '../../components/BackToQueueHeading.tsx';
import { Page } from '../../components/Page.tsx';
import { RetryAlert } from '../../components/RetryAlert.tsx';
import { AuditEventDetail } from './AuditEventDetail.tsx';
import { AuditFilterForm } from './AuditFilterForm.tsx';
import { AuditResults } from './AuditResults.tsx';
import { filtersOf, type AuditFilters, type AuditSearchParams } from './audit-search.ts';
import { useAuditPages } from './use-audit-pages.ts';
import styles from './Audit.module.css';

/** What the screen needs: the URL's filters, how to change them, and where to go back to. */
export interface AuditProps {
  search: AuditSearchParams;
  onSearch: (search: AuditSearchParams) => void;
  onBack: () => void;
  /** Who is searching: a data officer reads the agency's trail, a team manager their staff's. */
  scope: 'agency' | 'staff';
  /** The export of the current filters, where the user may export (the workspace mounts it for data officers). */
  renderExport?: ((filters: AuditFilters) => ReactNode) | undefined;
}

/** The screen; new filters start the results again from the newest event. */
export function Audit({ search, onSearch, onBack, scope, renderExport }: AuditProps) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const filters = filtersOf(search);
  const key = JSON.stringify(filters);
  return (
    <Page aria-labelledby={`${id}-title`} data-testid="audit">
      <BackToQueueHeading id={`${id}-title`} title="Audit" headingRef={heading} onBack={onBack} />
      <p className={styles.intro}>
        {scope === 'agency'
          ? "Your agency's events, and every event on records your agency owns, whoever acted. Each search is itself recorded."
          : 'The events of the staff in your teams. Each search is itself recorded.'}
      </p>
      <AuditFilterForm key={`form-${key}`} search={search} onSearch={onSearch} />
      <AuditFound key={key} filters={filters} breakGlass={scope === 'agency'} />
      {renderExport?.(filters)}
    </Page>
  );
}

/** The results for one set of filters, with the open event's detail (offering break-glass to data officers). */
function AuditFound({ filters, breakGlass }: { filters: AuditFilters; breakGlass: boolean }) {
  const pages = useAuditPages(filters);
  const [selected, setSelected] = useState<AuditEvent | null>(null);
  const failure = errorBodyOf(pages.error);
  return (
    <div className={styles.found} aria-busy={pages.loading}>
      <div className={styles.results}>
        <p className={styles.status} role="status">
          {pages.loading ? 'Loading…' : `${pages.events.length.toLocaleString('en-GB')} ${pages.events.length === 1 ? 'event' : 'events'} shown`}
        </p>
        {failure && <RetryAlert error={failure} onRetry={pages.retry} className="empty-state" />}
        {pages.events.length > 0 && <AuditResults events={pages.events} selectedSeq={selected?.seq ?? null} onSelect={setSelected} />}
        {!pages.loading && !failure && pages.events.length === 0 && <p className="empty-state">No events match these filters.</p>}
        {pages.older && (
          <button type="button" className={`button ${styles.older}`} onClick={pages.older}>
            Older events
          </button>
        )}
      </div>
      {selected && <AuditEventDetail event={selected} breakGlass={breakGlass} onClose={() => setSelected(null)} />}
    </div>
  );
}
