/**
 * Deciding a pending consultation: release the part — other people's names redacted unless disclosed
 * with a reason, chosen records left out and passages redacted, each with a reason — or withhold it
 * under an exemption.
 */
import { useId, useState, type FormEvent } from 'react';
import { SAR_EXEMPTIONS, type SarExemption, type SarPart } from '../../../domain/entities/sar.ts';
import type { SarConsultationDetail } from '../../../domain/http/sar-routes.ts';
import { useDesktopMutation } from '../../api/desktop-query.ts';
import { SAR_EXEMPTION_LABELS } from '../../words/sar-words.ts';
import { MutationError } from './MutationError.tsx';
import { PartItems } from './PartItems.tsx';
import { RedactionFields } from './RedactionFields.tsx';
import { NO_CHOICES, redactionsOf, toggledOmit, type RedactionChoices } from './sar-redaction-choices.ts';
import styles from './Sars.module.css';

/** The consultation, its live part, and what to do with the answer. */
export interface AnswerConsultationProps {
  consultationId: string;
  part: SarPart;
  onAnswered: (detail: SarConsultationDetail) => void;
}

/** The two ways to answer. */
export function AnswerConsultation({ consultationId, part, onAnswered }: AnswerConsultationProps) {
  const id = useId();
  const [choices, setChoices] = useState<RedactionChoices>(NO_CHOICES);
  const [exemption, setExemption] = useState<SarExemption>('crime_and_taxation');
  const [withholdReason, setWithholdReason] = useState('');
  const release = useDesktopMutation('sarConsultations.release');
  const withhold = useDesktopMutation('sarConsultations.withhold');
  const submitRelease = (e: FormEvent) => {
    e.preventDefault();
    release.mutate({ consultationId, redactions: redactionsOf(choices) }, { onSuccess: onAnswered });
  };
  const submitWithhold = (e: FormEvent) => {
    e.preventDefault();
    withhold.mutate({ consultationId, exemption, reason: withholdReason }, { onSuccess: onAnswered });
  };
  return (
    <>
      <section className={styles.section} aria-labelledby={`${id}-records`}>
        <h2 id={`${id}-records`}>Your agency’s records in this request</h2>
        <p className={styles.intro}>Only your records among what the requesting agency holds about the person. Nothing here reaches them unless you release it.</p>
        <PartItems items={part.items} omitted={choices.omitted} onToggleOmit={(key) => setChoices((c) => toggledOmit(c, key))} />
      </section>
      <form className={styles.form} onSubmit={submitRelease} aria-labelledby={`${id}-release`}>
        <h2 id={`${id}-release`}>Release with redactions</h2>
        <RedactionFields thirdParties={part.thirdParties} choices={choices} onChange={setChoices} />
        <MutationError error={release.error} />
        <div className="form-actions"><button type="submit" className="button button--primary" disabled={release.isPending}>Release our part</button></div>
      </form>
      <form className={styles.form} onSubmit={submitWithhold} aria-labelledby={`${id}-withhold`}>
        <h2 id={`${id}-withhold`}>Withhold under an exemption</h2>
        <p className={styles.intro}>The requesting agency sees only that your part was withheld and the exemption, never your reason or the records.</p>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-exemption`}>Exemption</label>
          <select id={`${id}-exemption`} className="field__input" value={exemption} onChange={(e) => setExemption(e.target.value as SarExemption)}>
            {SAR_EXEMPTIONS.map((x) => <option key={x} value={x}>{SAR_EXEMPTION_LABELS[x]}</option>)}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${id}-why`}>Reason (kept by your agency; at least 10 characters)</label>
          <textarea id={`${id}-why`} className="field__input" required minLength={10} maxLength={2000} value={withholdReason} onChange={(e) => setWithholdReason(e.target.value)} />
        </div>
        <MutationError error={withhold.error} />
        <div className="form-actions"><button type="submit" className="button" disabled={withhold.isPending}>Withhold our part</button></div>
      </form>
    </>
  );
}
