/**
 * A data officer's subject access requests (#/sars): the agency's open requests (all, due soon,
 * overdue, waiting on another agency), logging one, and the consultations addressed to the agency.
 * Read from the server (docs/audit.md).
 */
import { useEffect, useId, useRef, useState } from 'react';
import { errorBodyOf } from '../../api/desktop-call-error.ts';
import { useDesktopQuery } from '../../api/desktop-query.ts';
import { BackToQueueHeading } from '../../components/BackToQueueHeading.tsx';
import { Page } from '../../components/Page.tsx';
import { RetryAlert } from '../../components/RetryAlert.tsx';
import { ConsultationTable } from './ConsultationTable.tsx';
import { LogSarForm } from './LogSarForm.tsx';
import { SarTable } from './SarTable.tsx';
import { SAR_VIEW_LABELS, SAR_VIEWS, sarsInView, sarStatusOf, type SarView } from './sars-search.ts';
import styles from './Sars.module.css';

/** The URL's view and where the screen goes. */
export interface SarsProps {
  view: SarView;
  onViewChange: (view: SarView) => void;
  onOpenSar: (sarId: string) => void;
  onOpenConsultation: (consultationId: string) => void;
  onBack: () => void;
}

/** Loads both lists when opened. */
export function Sars({ view, onViewChange, onOpenSar, onOpenConsultation, onBack }: SarsProps) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [logging, setLogging] = useState(false);
  const sars = useDesktopQuery('sars.list', { status: sarStatusOf(view) }, { staleTime: 0, gcTime: 0 });
  const consultations = useDesktopQuery('sarConsultations.list', null, { staleTime: 0, gcTime: 0 });
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const sarsFailure = errorBodyOf(sars.error);
  const consultationsFailure = errorBodyOf(consultations.error);
  return (
    <Page aria-labelledby={`${id}-title`} aria-busy={sars.isFetching || consultations.isFetching} data-testid="sars">
      <BackToQueueHeading id={`${id}-title`} title="Subject access requests" headingRef={heading} onBack={onBack} />
      <p className={styles.intro}>A request is due one month from the day it was received (that day counts as day one). Other agencies’ records reach a bundle only once their data officer releases them.</p>
      <section className={styles.section} aria-labelledby={`${id}-requests`}>
        <h2 id={`${id}-requests`}>Your agency’s requests</h2>
        <div className={styles.filters}>
          <div className="field">
            <label className="field__label" htmlFor={`${id}-view`}>Show</label>
            <select id={`${id}-view`} className="field__input" value={view} onChange={(e) => onViewChange(e.target.value as SarView)}>
              {SAR_VIEWS.map((v) => <option key={v} value={v}>{SAR_VIEW_LABELS[v]}</option>)}
            </select>
          </div>
          <button type="button" className="button" aria-expanded={logging} onClick={() => setLogging((l) => !l)}>Log a request…</button>
        </div>
        {logging && <LogSarForm onLogged={onOpenSar} />}
        {sars.isFetching && <p className={styles.intro}>Loading…</p>}
        {!sars.isFetching && sarsFailure && <RetryAlert error={sarsFailure} onRetry={() => void sars.refetch()} className="empty-state" />}
        {!sars.isFetching && sars.data && <SarTable sars={sarsInView(sars.data.sars, view)} labelledBy={`${id}-requests`} onOpen={onOpenSar} />}
      </section>
      <section className={styles.section} aria-labelledby={`${id}-consultations`}>
        <h2 id={`${id}-consultations`}>Consultations for your agency</h2>
        <p className={styles.intro}>Other agencies’ requests about people your agency holds records on: release your part with redactions, or withhold it under an exemption.</p>
        {consultationsFailure && <RetryAlert error={consultationsFailure} onRetry={() => void consultations.refetch()} className="empty-state" />}
        {consultations.data && <ConsultationTable consultations={consultations.data.consultations} labelledBy={`${id}-consultations`} onOpen={onOpenConsultation} />}
      </section>
    </Page>
  );
}
