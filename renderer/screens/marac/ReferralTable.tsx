/** The coordinator's referrals as a table: date, case, victim, referring agency, score and band, criteria, repeat. */
import type { MaracReferralRecord } from '../../../domain/entities/marac-referral.ts';
import { DASH_BAND_LABELS } from '../../../domain/marac/dash-scoring.ts';
import { REFERRAL_CRITERION_LABELS } from '../../../domain/marac/referral-criteria.ts';
import { formatDate } from '../../words/format-date-time.ts';
import styles from './Referrals.module.css';

/** The referrals to show, newest first as the server sends them. */
export interface ReferralTableProps {
  referrals: readonly MaracReferralRecord[];
  /** Labels the table (the heading's id). */
  labelledBy: string;
}

/** One row per referral; a repeat is said in words, not by colour alone. */
export function ReferralTable({ referrals, labelledBy }: ReferralTableProps) {
  if (referrals.length === 0) {
    return <p className="empty-state">No referrals to your MARAC areas yet.</p>;
  }
  return (
    <table className="data-table" aria-labelledby={labelledBy}>
      <thead>
        <tr>
          <th scope="col">Referred</th>
          <th scope="col">Case</th>
          <th scope="col">Victim</th>
          <th scope="col">Referring agency</th>
          <th scope="col">DASH score</th>
          <th scope="col">Risk</th>
          <th scope="col">Criteria</th>
          <th scope="col">Repeat</th>
        </tr>
      </thead>
      <tbody>
        {referrals.map((r) => (
          <tr key={r.id} data-testid="referral-row">
            <td><time dateTime={r.referredOn}>{formatDate(r.referredOn)}</time></td>
            <td>{r.caseReference}<br /><span className={styles.muted}>{r.maracArea.name}</span></td>
            <td>{r.victim.displayName}</td>
            <td>{r.referringAgency.name}</td>
            <td>{r.score}</td>
            <td>{DASH_BAND_LABELS[r.band]}</td>
            <td>{r.criteria.map((c) => REFERRAL_CRITERION_LABELS[c]).join(', ')}</td>
            <td>{r.repeat ? <strong className={styles.repeat}>Repeat</strong> : 'No'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
