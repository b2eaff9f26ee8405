/** A consultation addressed to the agency (#/sar-consultations/:id): the part to decide on, or the answer given. */
import { useEffect, useId, useRef, useState } from 'react';
import type { SarConsultationDetail } from '../../../domain/http/sar-routes.ts';
import { errorBodyOf } from '../../api/desktop-call-error.ts';
import { useDesktopQuery } from '../../api/desktop-query.ts';
import { Page } from '../../components/Page.tsx';
import { RetryAlert } from '../../components/RetryAlert.tsx';
import { formatDate } from '../../words/format-date-time.ts';
import { SAR_CONSULTATION_LABELS, SAR_EXEMPTION_LABELS, sarDueNote } from '../../words/sar-words.ts';
import { AnswerConsultation } from './AnswerConsultation.tsx';
import { PartItems } from './PartItems.tsx';
import styles from './Sars.module.css';

/** The consultation's id and where Back goes. */
export interface ConsultationDetailProps {
  consultationId: string;
  onBack: () => void;
}

/** Loads the consultation (the read is audited in the agency's own trail). */
export function ConsultationDetail({ consultationId, onBack }: ConsultationDetailProps) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const query = useDesktopQuery('sarConsultations.get', { consultationId }, { staleTime: 0, gcTime: 0 });
  const [answered, setAnswered] = useState<SarConsultationDetail | null>(null);
  const c = answered ?? query.data;
  useEffect(() => {
    heading.current?.focus();
  }, [c?.status]);
  const failure = errorBodyOf(query.error);
  return (
    <Page aria-labelledby={`${id}-title`} aria-busy={query.isFetching} data-testid="sar-consultation">
      <div className="form-actions"><button type="button" className="button" onClick={onBack}>← Back to requests</button></div>
      <h1 id={`${id}-title`} ref={heading} tabIndex={-1}>{c ? `Consultation on ${c.sarReference}` : 'Consultation'}</h1>
      {failure && <RetryAlert error={failure} onRetry={() => void query.refetch()} className="empty-state" />}
      {c && (
        <>
          <dl className={styles.itemFields}>
            <dt>From</dt><dd>{c.receivingAgency.name}</dd>
            <dt>About</dt><dd>{c.person.name}</dd>
            <dt>Due</dt><dd data-testid="sar-due">{formatDate(c.dueOn)}{sarDueNote(c) && <><br />{sarDueNote(c)}</>}</dd>
            <dt>Answer</dt><dd><span role="status">{SAR_CONSULTATION_LABELS[c.status]}{c.exemption ? `: ${SAR_EXEMPTION_LABELS[c.exemption]}` : ''}</span></dd>
          </dl>
          {c.status === 'pending' && c.part && <AnswerConsultation consultationId={c.id} part={c.part} onAnswered={setAnswered} />}
          {c.status === 'released' && c.part && (
            <section className={styles.section} aria-labelledby={`${id}-released`}>
              <h2 id={`${id}-released`}>What was released</h2>
              <PartItems items={c.part.items} />
            </section>
          )}
        </>
      )}
    </Page>
  );
}
