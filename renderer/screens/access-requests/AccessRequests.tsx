/**
 * The Access requests screen, read from the server each time it opens: for the owner agency's
 * deciders, the requests waiting for a decision (approve with an expiry, or deny with a reason) and
 * the approved grants still in force (withdraw early); for everyone, their own requests and where
 * each stands. A decision refused because the request changed meanwhile says so and reloads the list.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { ErrorBody } from '../../../domain/errors.ts';
import type { AccessRequestView } from '../../../domain/ipc/access-request-channels.ts';
import { errorBodyOf } from '../../api/desktop-call-error.ts';
import { useDesktopQuery } from '../../api/desktop-query.ts';
import { BackToQueueHeading } from '../../components/BackToQueueHeading.tsx';
import { Page } from '../../components/Page.tsx';
import { RetryAlert } from '../../components/RetryAlert.tsx';
import { AccessRequestItem } from './AccessRequestItem.tsx';
import { CaseSignpostSearch } from './CaseSignpostSearch.tsx';
import { ApproveDialog } from './ApproveDialog.tsx';
import { DenyDialog } from './DenyDialog.tsx';
import { requestOutcome } from './request-outcome.ts';
import { RevokeDialog } from './RevokeDialog.tsx';
import styles from './AccessRequests.module.css';

/** What the screen needs from the workspace. */
export interface AccessRequestsProps {
  /** The signed-in user's id: their own requests are listed as theirs, never to decide. */
  userId: string;
  /** True for a team manager or agency admin (the roles that decide for their agency). */
  decides: boolean;
  onBack: () => void;
  /** Opens a case the user can already see (found by its reference). */
  onOpenCase: (caseId: string) => void;
  /** The clock for the expiry field (tests fix it). */
  now?: () => Date;
}

type View = 'decide' | 'approved' | 'mine';
type Dialog = { kind: 'approve' | 'deny' | 'revoke'; request: AccessRequestView } | null;

const withGrant = (r: AccessRequestView): r is AccessRequestView & { grant: NonNullable<AccessRequestView['grant']> } => r.grant !== null;

/** Loads the list when opened and after each decision; offline it says the list needs a connection. */
export function AccessRequests({ userId, decides, onBack, onOpenCase, now = () => new Date() }: AccessRequestsProps) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const query = useDesktopQuery('accessRequests.list', null, { staleTime: 0, gcTime: 0 });
  const [view, setView] = useState<View>(decides ? 'decide' : 'mine');
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    heading.current?.focus();
  }, []);

  const requests = query.data?.requests ?? [];
  const toDecide = requests.filter((r) => r.status === 'pending' && r.abilities.decide);
  const approved = requests.filter((r) => r.abilities.revoke).filter(withGrant);
  const mine = requests.filter((r) => r.requesterUserId === userId);
  const done = (message: string) => {
    setDialog(null);
    setNotice(message);
    void query.refetch();
  };
  // A refusal leaves the dialog open with its words; the list behind it is read again.
  const refused = (_error: ErrorBody) => void query.refetch();

  const views: Array<{ key: View; label: string }> = decides
    ? [{ key: 'decide', label: `To decide (${toDecide.length})` }, { key: 'approved', label: `Approved (${approved.length})` }, { key: 'mine', label: 'My requests' }]
    : [];
  const failure = errorBodyOf(query.error);
  const loading = query.isFetching && query.data === undefined;
  return (
    <Page aria-labelledby={`${id}-title`} aria-busy={query.isFetching} data-testid="access-requests">
      <BackToQueueHeading id={`${id}-title`} title={decides ? 'Access requests' : 'My access requests'} headingRef={heading} onBack={onBack} />
      <p className={styles.intro}>
        {decides
          ? 'Requests from other agencies’ staff to see records your agency owns, and your own requests. Nobody decides their own request.'
          : 'What you asked other agencies for, and their answers. An approved record reaches this computer when it next syncs.'}
      </p>
      {views.length > 0 && (
        <div className={styles.views} role="group" aria-label="Show">
          {views.map((v) => (
            <button key={v.key} type="button" className="button" aria-pressed={view === v.key} onClick={() => setView(v.key)}>
              {v.label}
            </button>
          ))}
        </div>
      )}
      {notice !== null && (
        <p role="status" className={styles.intro}>
          {notice}
        </p>
      )}
      {loading && <p className={styles.intro}>Loading…</p>}
      {!query.isFetching && failure && <RetryAlert error={failure} onRetry={() => void query.refetch()} className="empty-state" />}
      {query.data && view === 'decide' && (
        toDecide.length === 0 ? <p className="empty-state">No requests are waiting for a decision.</p> : (
          <ul className={styles.list} aria-label="Waiting for a decision">
            {toDecide.map((r) => (
              <AccessRequestItem key={r.id} request={r}>
                <button type="button" className="button button--primary" aria-label={`Approve the request from ${r.requesterName}`} onClick={() => setDialog({ kind: 'approve', request: r })}>
                  Approve…
                </button>
                <button type="button" className="button" aria-label={`Deny the request from ${r.requesterName}`} onClick={() => setDialog({ kind: 'deny', request: r })}>
                  Deny…
                </button>
              </AccessRequestItem>
            ))}
          </ul>
        )
      )}
      {query.data && view === 'approved' && (
        approved.length === 0 ? <p className="empty-state">No access given by your agency is in force.</p> : (
          <ul className={styles.list} aria-label="Access in force">
            {approved.map((r) => (
              <AccessRequestItem key={r.id} request={r} outcome={requestOutcome(r)}>
                <button type="button" className="button" aria-label={`Withdraw access for ${r.requesterName}`} onClick={() => setDialog({ kind: 'revoke', request: r })}>
                  Withdraw access…
                </button>
              </AccessRequestItem>
            ))}
          </ul>
        )
      )}
      {view === 'mine' && <CaseSignpostSearch onOpenCase={onOpenCase} onRequested={() => void query.refetch()} />}
      {query.data && view === 'mine' && (
        mine.length === 0 ? <p className="empty-state">You have not asked for access to any record.</p> : (
          <ul className={styles.list} aria-label="Your requests">
            {mine.map((r) => <AccessRequestItem key={r.id} request={r} outcome={requestOutcome(r)} />)}
          </ul>
        )
      )}
      {dialog?.kind === 'approve' && (
        <ApproveDialog request={dialog.request} now={now} onClose={() => setDialog(null)} onRefused={refused}
          onDone={() => done(`Approved: ${dialog.request.requesterName} can see the record until the day you chose.`)} />
      )}
      {dialog?.kind === 'deny' && (
        <DenyDialog request={dialog.request} onClose={() => setDialog(null)} onRefused={refused}
          onDone={() => done(`Denied: ${dialog.request.requesterName} will see your reason.`)} />
      )}
      {dialog?.kind === 'revoke' && withGrant(dialog.request) && (
        <RevokeDialog request={dialog.request} onClose={() => setDialog(null)} onRefused={refused}
          onDone={() => done(`Access withdrawn: the record leaves ${dialog.request.requesterName}’s computer when it next syncs.`)} />
      )}
    </Page>
  );
}
