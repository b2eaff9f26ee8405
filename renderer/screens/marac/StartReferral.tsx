/**
 * "Refer to MARAC" from the top bar, or from a domestic abuse case (docs/marac.md): the practitioner
 * picks the victim from this computer's copy — from a case, its victim is picked already (or offered
 * among its victims) and the referral will be linked to that case; with a current DASH checklist
 * they go on to the referral form, without one they complete the checklist first (a referral always
 * rests on one).
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
import { caseVictims } from './referral-case.ts';
import { PersonPicker, type PickedPerson } from './PersonPicker.tsx';
import styles from './ReferralForm.module.css';

/** Where the screen leads. */
export interface StartReferralProps {
  /** The case the referral will be linked to, when started from one. */
  caseId?: string | undefined;
  onBack: () => void;
  /** Complete a DASH checklist for the victim (which then offers the referral). */
  onChecklist: (personId: string) => void;
  /** Go on to the referral form with the victim's current checklist. */
  onRefer: (personId: string, assessmentId: string) => void;
}

/** Step one: who is the victim? Step two: their checklist, current or to be done. */
export function StartReferral({ caseId, onBack, onChecklist, onRefer }: StartReferralProps) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  // Undefined until the user chooses: from a case with one victim, that victim is the choice.
  const [chosen, setChosen] = useState<PickedPerson | null | undefined>(undefined);
  const linked = useDesktopQuery('cases.detail', { caseId: caseId ?? '' }, { enabled: caseId !== undefined });
  const victims = caseId !== undefined && linked.data ? caseVictims(linked.data.subjects) : [];
  const victim = chosen !== undefined ? chosen : (victims.length === 1 ? victims[0]! : null);
  const linkFailure = errorBodyOf(linked.error);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <Page aria-labelledby={`${id}-title`} data-testid="marac-start-referral">
      <BackToQueueHeading id={`${id}-title`} title="Refer to MARAC" headingRef={heading} onBack={onBack} backLabel={caseId === undefined ? undefined : 'Back to the case'} />
      <p className={styles.muted}>A referral rests on a DASH risk checklist of the victim. Choose the victim; if their checklist is not current, complete one first.</p>
      {caseId !== undefined && (
        <section className={styles.section} aria-labelledby={`${id}-case`} aria-busy={linked.isFetching}>
          <h2 id={`${id}-case`} className={styles.legend}>The case</h2>
          {linked.data && (
            <p data-testid="referral-linked-case">
              The referral will be linked to case {linked.data.case.reference}, {linked.data.case.title}.
            </p>
          )}
          {!linked.data && linked.isFetching && <p className={styles.muted}>Loading the case…</p>}
          {linkFailure && !linked.isFetching && <RetryAlert error={linkFailure} onRetry={() => void linked.refetch()} className={undefined} />}
        </section>
      )}
      <section className={styles.section} aria-labelledby={`${id}-victim`}>
        <h2 id={`${id}-victim`} className={styles.legend}>The victim</h2>
        {victim === null
          ? (
            <>
              {victims.length > 0 && (
                <ul className={styles.hits} aria-label="Victims on the case">
                  {victims.map((v) => (
                    <li key={v.id}><button type="button" className="button" onClick={() => setChosen(v)}>Choose {v.name} (victim on the case)</button></li>
                  ))}
                </ul>
              )}
              <PersonPicker label="Find the victim" excludeIds={[]} onPick={setChosen} />
            </>
          )
          : <VictimChecklist victim={victim} onOther={() => setChosen(null)} onChecklist={onChecklist} onRefer={onRefer} />}
      </section>
    </Page>
  );
}

/** The chosen victim's newest checklist (read from the server, audited there) and the way on. */
function VictimChecklist({ victim, onOther, onChecklist, onRefer }: { victim: PickedPerson; onOther: () => void } & Omit<StartReferralProps, 'onBack' | 'caseId'>) {
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
      {failure?.code === 'network_error' && !query.isFetching && (
        // Earlier checklists come from the server; with no network the referral rests on a new one, kept on this computer until it syncs.
        <>
          <p data-testid="offline-checklist">With no network, a referral rests on a new DASH checklist: it is kept on this computer and the server confirms its score when it syncs.</p>
          <div><button type="button" className="button button--primary" onClick={() => onChecklist(victim.id)}>Complete the DASH checklist</button></div>
        </>
      )}
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
