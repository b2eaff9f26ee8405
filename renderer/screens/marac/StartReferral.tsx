/**
 * "Refer to MARAC" from the top bar (docs/marac.md): the practitioner picks the victim from this
 * computer's copy; with a current DASH checklist they go on to the referral form, without one they
 * complete the checklist first (a referral always rests on one).
 */
import { useEffect, useId, useRef, useState } from 'react';
import { DASH_BAND_LABELS } from '../../../domain/marac/dash-scoring.ts';
import { errorBodyOf } from '../../api/desktop-call-error.ts';
import { useDesktopQuery } from '../../api/desktop-query.ts';
import { BackToQueueHeading } from '../../components/BackToQueueHeading.tsx';
import { Page } from '../../components/Page.tsx';
import { RetryAlert } from '../../components/RetryAlert.tsx';
import { formatDate } from '../../words/format-date-time.ts';
import { currentChecklist } from './current-checklist.ts';
import { PersonPicker, type PickedPerson } from './PersonPicker.tsx';
import styles from './ReferralForm.module.css';

/** Where the screen leads. */
export interface StartReferralProps {
  onBack: () => void;
  /** Complete a DASH checklist for the victim (which then offers the referral). */
  onChecklist: (personId: string) => void;
  /** Go on to the referral form with the victim's current checklist. */
  onRefer: (personId: string, assessmentId: string) => void;
}

/** Step one: who is the victim? Step two: their checklist, current or to be done. */
export function StartReferral({ onBack, onChecklist, onRefer }: StartReferralProps) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [victim, setVictim] = useState<PickedPerson | null>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <Page aria-labelledby={`${id}-title`} data-testid="marac-start-referral">
      <BackToQueueHeading id={`${id}-title`} title="Refer to MARAC" headingRef={heading} onBack={onBack} />
      <p className={styles.muted}>A referral rests on a DASH risk checklist of the victim. Choose the victim; if their checklist is not current, complete one first.</p>
      <section className={styles.section} aria-labelledby={`${id}-victim`}>
        <h2 id={`${id}-victim`} className={styles.legend}>The victim</h2>
        {victim === null
          ? <PersonPicker label="Find the victim" excludeIds={[]} onPick={setVictim} />
          : <VictimChecklist victim={victim} onOther={() => setVictim(null)} onChecklist={onChecklist} onRefer={onRefer} />}
      </section>
    </Page>
  );
}

/** The chosen victim's newest checklist (read from the server, audited there) and the way on. */
function VictimChecklist({ victim, onOther, onChecklist, onRefer }: { victim: PickedPerson; onOther: () => void } & Omit<StartReferralProps, 'onBack'>) {
  const query = useDesktopQuery('marac.assessments.list', { personId: victim.id }, { staleTime: 0, gcTime: 0 });
  const failure = errorBodyOf(query.error);
  const current = query.data ? currentChecklist(query.data.assessments, new Date()) : null;
  return (
    <div className={styles.grid} aria-busy={query.isFetching}>
      <p className={styles.row}>
        <strong data-testid="chosen-victim">{victim.name}</strong>
        <button type="button" className="button" onClick={onOther}>Choose someone else</button>
      </p>
      {query.isFetching && <p className={styles.muted}>Loading their DASH checklists…</p>}
      {failure && !query.isFetching && <RetryAlert error={failure} onRetry={() => void query.refetch()} className={undefined} />}
      {query.data && !query.isFetching && (current
        ? (
          <>
            <p data-testid="current-checklist">
              Current DASH checklist of <time dateTime={current.assessedAt}>{formatDate(current.assessedAt)}</time> ({current.agency.name}):
              score {current.score}, {DASH_BAND_LABELS[current.band]} risk. Reassessment due {formatDate(current.reassessmentDue)}.
            </p>
            <div className={styles.row}>
              <button type="button" className="button button--primary" onClick={() => onRefer(victim.id, current.id)}>Continue to the referral form</button>
              <button type="button" className="button" onClick={() => onChecklist(victim.id)}>Complete a new checklist instead</button>
            </div>
          </>
        )
        : (
          <>
            <p data-testid="current-checklist">
              {query.data.assessments.length === 0 ? `${victim.name} has no DASH checklist you can see.` : `${victim.name}'s latest DASH checklist is due for reassessment.`}
              {' '}A referral needs a current one.
            </p>
            <div><button type="button" className="button button--primary" onClick={() => onChecklist(victim.id)}>Complete the DASH checklist</button></div>
          </>
        ))}
    </div>
  );
}
