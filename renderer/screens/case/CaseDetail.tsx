/**
 * The case screen, read from the offline copy: header, safety-warning banner, then two tabs — the
 * overview (risk and status, people, open tasks, places, reports and documents) and the chronology.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { AddReportForm } from './AddReportForm.tsx';
import { AddTaskForm } from '../tasks/AddTaskForm.tsx';
import { CaseChangeForm } from './CaseChangeForm.tsx';
import { EditCaseDetailsForm } from './EditCaseDetailsForm.tsx';
import { CaseChronology } from './CaseChronology.tsx';
import { CaseDocuments } from './CaseDocuments.tsx';
import { CasePlaces } from './CasePlaces.tsx';
import { UploadDocument } from './UploadDocument.tsx';
import { ReportVersions } from './ReportVersions.tsx';
import { EditReportButton } from './EditReportButton.tsx';
import { DeleteDocumentButton } from './DeleteDocumentButton.tsx';
import { AddPersonToCase } from '../person-create/AddPersonToCase.tsx';
import { RemoveSubjectButton } from '../person-create/RemoveSubjectButton.tsx';
import { CaseLocalChanges } from './CaseLocalChanges.tsx';
import { CaseSharingButton } from '../sharing/CaseSharingButton.tsx';
import { offersMaracReferral } from '../marac/referral-case.ts';
import { ReportSharingButton } from '../sharing/ReportSharingButton.tsx';
import { DocumentSharingButton } from '../sharing/DocumentSharingButton.tsx';
import { errorBodyOf } from '../../api/desktop-call-error.ts';
import { useDesktopQuery } from '../../api/desktop-query.ts';
import { useCaseTypeLabel } from '../../api/use-case-types.ts';
import { CASE_STATUS_LABELS, REPORT_KIND_LABELS, SUBJECT_ROLE_LABELS, TASK_STATUS_LABELS } from '../../words/display-labels.ts';
import { errorMessage } from '../../words/error-messages.ts';
import { formatDate, formatDateTime } from '../../words/format-date-time.ts';
import { MarkerIndicator } from '../../components/MarkerIndicator.tsx';
import { MarkerWarnings } from '../markers/MarkerWarnings.tsx';
import { caseMarkerSubjects, personMarkerTypes } from '../markers/marker-subjects.ts';
import { RiskBadge } from '../../components/RiskBadge.tsx';
import { RetryAlert } from '../../components/RetryAlert.tsx';
import { Tabs } from '../../components/Tabs.tsx';
import { classNames } from '../../components/class-names.ts';
import panelStyles from './CasePanel.module.css';
import styles from './CaseDetail.module.css';

const CASE_VIEWS = ['overview', 'chronology'] as const;
type CaseView = (typeof CASE_VIEWS)[number];
const CASE_VIEW_LABELS: Record<CaseView, string> = { overview: 'Overview', chronology: 'Chronology' };

/** What the case screen needs from the workspace. */
export interface CaseDetailProps {
  caseId: string;
  /** Whether the machine policy lets documents be saved out of Casebridge; null while not known. */
  exportsAllowed: boolean | null;
  onBack: () => void;
  onShowSyncProblems: () => void;
  /** Opens a person's profile from the people on the case. */
  onOpenPerson: (personId: string) => void;
  /** Opens a task's screen from the case's open tasks. */
  onOpenTask?: ((taskId: string) => void) | undefined;
  /** Starts a MARAC referral linked to this case (given to those who make referrals; offered on a MARAC-type case they may change). */
  onReferToMarac?: (() => void) | undefined;
}

/**
 * Reads the case again whenever sync invalidates it, keeping the last answer on screen meanwhile; a
 * case that has left the offline copy (removed, access withdrawn) is no longer shown.
 */
export function CaseDetail({ caseId, exportsAllowed, onBack, onShowSyncProblems, onOpenPerson, onOpenTask, onReferToMarac }: CaseDetailProps) {
  const id = useId();
  const query = useDesktopQuery('cases.detail', { caseId });
  const caseTypeLabel = useCaseTypeLabel();
  const failure = query.isError ? errorBodyOf(query.error) : null;
  // A case that has left the offline copy is no longer shown, even though the last answer is still held.
  const shown = failure?.code === 'not_found' ? null : (query.data ?? null);
  const heading = useRef<HTMLHeadingElement>(null);
  const focused = useRef(false);
  const [view, setView] = useState<CaseView>('overview');

  // Move focus to the case's title once it is there, so a screen reader starts at the top of the case.
  useEffect(() => {
    if (shown && !focused.current) {
      focused.current = true;
      heading.current?.focus();
    }
  }, [shown]);

  const loading = query.isFetching;
  const back = (
    <div className={styles.toolbar}>
      <button type="button" className="button" onClick={onBack}>
        ← Back to case queue
      </button>
    </div>
  );

  if (!shown) {
    return (
      <article className={styles.page} aria-labelledby={`${id}-title`}>
        {back}
        <h1 id={`${id}-title`} className={styles.title}>
          {failure?.code === 'not_found' ? 'Case not available' : 'Case'}
        </h1>
        {failure ? (
          <div className={styles.message} role="alert">
            <p>{failure.code === 'not_found' ? 'This case is not in the offline copy on this computer. It may have been removed, or you may no longer have access.' : errorMessage(failure.code)}</p>
            {failure.code !== 'not_found' && (
              <button type="button" className="button" onClick={() => void query.refetch()}>
                Try again
              </button>
            )}
          </div>
        ) : (
          loading && (
            <p className={styles.message} role="status">
              Loading the case…
            </p>
          )
        )}
      </article>
    );
  }

  const { case: c, subjects, markers, places, openTasks, reports, reportCount, documents, localChanges } = shown;
  const mayChange = c.abilities.update || c.abilities.close;
  return (
    <article className={styles.page} aria-labelledby={`${id}-title`} aria-busy={loading} data-testid="case-detail">
      {back}
      <header className={styles.header}>
        <p className={styles.reference}>{c.reference}</p>
        <h1 id={`${id}-title`} ref={heading} tabIndex={-1} className={styles.title}>
          {c.title}
        </h1>
        <dl className={styles.facts}>
          <div>
            <dt>Risk level</dt>
            <dd data-testid="case-risk">
              <RiskBadge level={c.riskLevel} />
            </dd>
          </div>
          <div>
            <dt>Status</dt>
            <dd data-testid="case-status">{CASE_STATUS_LABELS[c.status]}{c.status === 'closed' && c.closureReason ? ` — ${c.closureReason}` : ''}</dd>
          </div>
          <div>
            <dt>Type</dt>
            <dd>{caseTypeLabel(c.caseType)}</dd>
          </div>
          <div>
            <dt>Owner agency</dt>
            <dd>{c.ownerAgencyName}</dd>
          </div>
          <div>
            <dt>Review date</dt>
            <dd>{c.reviewDate ? formatDate(c.reviewDate) : 'None set'}</dd>
          </div>
          <div>
            <dt>Last updated</dt>
            <dd>
              <time dateTime={c.updatedAt}>{formatDateTime(c.updatedAt)}</time>
            </dd>
          </div>
        </dl>
      </header>
      <MarkerWarnings markers={markers} placeOn={caseMarkerSubjects(shown)} />
      <CaseLocalChanges changes={localChanges} onShowSyncProblems={onShowSyncProblems} />
      {failure && <RetryAlert className={styles.message} error={failure} onRetry={() => void query.refetch()} />}
      <Tabs idPrefix={`${id}-views`} label="Case views" tabs={CASE_VIEWS} labels={CASE_VIEW_LABELS} selected={view} onSelect={setView}>
        {view === 'chronology' ? <CaseChronology caseId={c.id} onOpenTask={onOpenTask} /> : (
          <>
          {c.abilities.update && <EditCaseDetailsForm caseView={c} />}
          {c.abilities.share && <CaseSharingButton caseId={c.id} />}
          {onReferToMarac && offersMaracReferral(c) && (
            <p className={styles.note}>
              <button type="button" className="button" onClick={onReferToMarac}>Refer to MARAC</button>
              {' '}The referral is linked to this case, with the victim taken from its people.
            </p>
          )}
          {mayChange ? (
            <CaseChangeForm caseView={c} />
          ) : (
            <p className={styles.note}>You can read this case but not change its risk level or status: only its owner agency can.</p>
          )}
          <div className={styles.columns}>
            <section className={panelStyles.panel} aria-labelledby={`${id}-people`}>
              <h2 id={`${id}-people`} className={panelStyles.title}>
                People
              </h2>
              {c.abilities.update && <AddPersonToCase caseId={c.id} />}
              {subjects.length === 0 ? (
                <p className={panelStyles.empty}>No people are recorded on this case.</p>
              ) : (
                <ul className={panelStyles.list}>
                  {subjects.map((s) => (
                    <li key={s.id} className={panelStyles.item}>
                      {s.displayName === null ? (
                        <span className={panelStyles.main}>Name not held on this computer</span>
                      ) : (
                        <button type="button" className={`${panelStyles.main} ${styles.personLink}`} onClick={() => onOpenPerson(s.personId)}>
                          {s.displayName}
                        </button>
                      )}
                      <MarkerIndicator types={personMarkerTypes(markers, s.personId)} />
                      <span className={panelStyles.meta}>{SUBJECT_ROLE_LABELS[s.role]}</span>
                      {c.abilities.update && <RemoveSubjectButton caseId={c.id} personId={s.personId} role={s.role} name={s.displayName ?? 'this person'} />}
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <section className={panelStyles.panel} aria-labelledby={`${id}-tasks`}>
              <h2 id={`${id}-tasks`} className={panelStyles.title}>
                Open tasks
              </h2>
              {c.abilities.add_task && <AddTaskForm caseId={c.id} />}
              {openTasks.length === 0 ? (
                <p className={panelStyles.empty}>No open tasks.</p>
              ) : (
                <ul className={panelStyles.list}>
                  {openTasks.map((t) => (
                    <li key={t.id} className={panelStyles.item}>
                      {onOpenTask ? (
                        <button type="button" className={`${panelStyles.main} ${styles.personLink}`} onClick={() => onOpenTask(t.id)}>
                          {t.title}
                        </button>
                      ) : (
                        <span className={panelStyles.main}>{t.title}</span>
                      )}
                      <span className={panelStyles.meta}>
                        {TASK_STATUS_LABELS[t.status]} · {t.assigneeAgencyName}
                        {t.dueDate ? ` · due ${formatDate(t.dueDate)}` : ''}
                        {t.overdue && <strong className={styles.overdue}> · Overdue</strong>}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </div>
          <CasePlaces caseId={c.id} places={places} markers={markers} mayAdd={c.abilities.update} />
          <section className={panelStyles.panel} aria-labelledby={`${id}-reports`}>
            <h2 id={`${id}-reports`} className={panelStyles.title}>
              Reports
            </h2>
            {c.abilities.add_report && <AddReportForm caseId={c.id} />}
            {reports.length === 0 ? (
              <p className={panelStyles.empty}>No reports yet.</p>
            ) : (
              <ul className={panelStyles.list}>
                {reports.map((r) => (
                  <li key={r.id} className={classNames(panelStyles.item, panelStyles.report)}>
                    <h3 className={panelStyles.main}>{r.title}</h3>
                    <p className={panelStyles.meta}>
                      {REPORT_KIND_LABELS[r.kind]} · {r.authorAgencyName} · <time dateTime={r.createdAt}>{formatDateTime(r.createdAt)}</time>
                    </p>
                    <p className={styles.summary}>{r.summary}</p>
                    {r.editable && <EditReportButton reportId={r.id} reportTitle={r.title} />}
                    <ReportSharingButton reportId={r.id} reportTitle={r.title} />
                    <ReportVersions reportId={r.id} reportTitle={r.title} version={r.version} authorUserId={r.authorUserId} authorAgencyName={r.authorAgencyName} />
                  </li>
                ))}
              </ul>
            )}
            {reportCount > reports.length && (
              <p className={panelStyles.empty}>
                Showing the newest {reports.length} of {reportCount} reports.
              </p>
            )}
          </section>
          <CaseDocuments documents={documents} exportsAllowed={exportsAllowed}
            upload={c.abilities.add_document ? <UploadDocument caseId={c.id} /> : undefined}
            documentActions={(d) => (
              <>
                <DocumentSharingButton documentId={d.id} fileName={d.fileName} />
                {d.deletable && <DeleteDocumentButton documentId={d.id} fileName={d.fileName} />}
              </>
            )} />
          </>
        )}
      </Tabs>
    </article>
  );
}
