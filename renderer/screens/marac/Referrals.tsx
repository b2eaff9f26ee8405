/** The MARAC coordinator's referrals screen: every referral to the areas their agency coordinates. Read from the server. */
import { useEffect, useId, useRef } from 'react';
import { errorBodyOf } from '../../api/desktop-call-error.ts';
import { useDesktopQuery } from '../../api/desktop-query.ts';
import { BackToQueueHeading } from '../../components/BackToQueueHeading.tsx';
import { Page } from '../../components/Page.tsx';
import { RetryAlert } from '../../components/RetryAlert.tsx';
import { ReferralTable } from './ReferralTable.tsx';
import styles from './Referrals.module.css';

/** What the screen needs from the workspace. */
export interface ReferralsProps {
  onBack: () => void;
}

/** Loads the list when opened; offline it says the list needs a connection. */
export function Referrals({ onBack }: ReferralsProps) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const query = useDesktopQuery('marac.referrals.list', {}, { staleTime: 0, gcTime: 0 });
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const loading = query.isFetching;
  const failure = errorBodyOf(query.error);
  return (
    <Page aria-labelledby={`${id}-title`} aria-busy={loading} data-testid="marac-referrals">
      <BackToQueueHeading id={`${id}-title`} title="MARAC referrals" headingRef={heading} onBack={onBack} />
      <p className={styles.intro}>Referrals to the MARAC areas your agency coordinates. Repeats are found by Casebridge, never typed in.</p>
      {loading && <p className={styles.intro}>Loading…</p>}
      {!loading && failure && <RetryAlert error={failure} onRetry={() => void query.refetch()} className="empty-state" />}
      {!loading && query.data && <ReferralTable referrals={query.data.referrals} labelledBy={`${id}-title`} />}
    </Page>
  );
}
