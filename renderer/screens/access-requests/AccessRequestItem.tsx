/** One access request as a card: the record, who asked and why, when; and what the viewer may do with it. */
import type { ReactNode } from 'react';
import type { AccessRequestView } from '../../../domain/ipc/access-request-channels.ts';
import { formatDateTime } from '../../words/format-date-time.ts';
import { requestedRecord } from './request-outcome.ts';
import styles from './AccessRequests.module.css';

export interface AccessRequestItemProps {
  request: AccessRequestView;
  /** The line saying where it stands, when the view shows it. */
  outcome?: string | undefined;
  /** The buttons the viewer may use. */
  children?: ReactNode;
}

/** The facts as a description list; the buttons under them. */
export function AccessRequestItem({ request, outcome, children }: AccessRequestItemProps) {
  return (
    <li className={styles.item} data-testid="access-request">
      <p className={styles.record}>{requestedRecord(request)}</p>
      <dl className={styles.facts}>
        <dt>Asked by</dt>
        <dd>
          {request.requesterName}, {request.requesterAgencyName}
        </dd>
        <dt>Reason</dt>
        <dd>{request.reason}</dd>
        <dt>Asked on</dt>
        <dd>
          <time dateTime={request.createdAt}>{formatDateTime(request.createdAt)}</time>
        </dd>
        {outcome !== undefined && (
          <>
            <dt>Outcome</dt>
            <dd data-testid="access-request-outcome">{outcome}</dd>
          </>
        )}
      </dl>
      {children !== undefined && <div className={styles.actions}>{children}</div>}
    </li>
  );
}
