/**
 * The MARAC referral form for a victim and their saved DASH checklist (docs/marac.md): every field of
 * the SafeLives form; the criteria and the repeat flag are worked out by the server and shown after.
 * Started from a domestic abuse case, the referral is linked to that case instead of opening one.
 * When the server cannot be reached the referral waits on this computer (client-made ids) and the
 * server works out the score, criteria and repeat flag when it syncs.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { MaracReferralRecord } from '../../../domain/entities/marac-referral.ts';
import { newId } from '../../../domain/ids.ts';
import { DASH_BAND_LABELS } from '../../../domain/marac/dash-scoring.ts';
import { NO_CONSENT_JUSTIFICATION_LABELS, NO_CONSENT_JUSTIFICATIONS } from '../../../domain/marac/referral-consent.ts';
import { REFERRAL_CRITERION_LABELS } from '../../../domain/marac/referral-criteria.ts';
import { useDesktopApi } from '../../api/desktop-api-context.ts';
import { useDesktopQuery } from '../../api/desktop-query.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { Page } from '../../components/Page.tsx';
import { errorMessage } from '../../words/error-messages.ts';
import { ReferralPeople } from './ReferralPeople.tsx';
import { linkedCaseRefusal } from './referral-case.ts';
import { emptyReferralDraft, referralBody, type ReferralDraft } from './referral-draft.ts';
import styles from './ReferralForm.module.css';
import { saveOrQueue, type SavedOrQueued } from './save-or-queue.ts';

/** The victim, the checklist the referral rests on, and where to go back to. */
export interface ReferralFormProps {
  victimId: string;
  dashAssessmentId: string;
  /** The existing case the referral is linked to (started from a case); otherwise it opens a new one. */
  caseId?: string | undefined;
  onBack: () => void;
}

/** A text field bound to one draft key. */
function TextField({ label, value, onChange, long = false }: { label: string; value: string; onChange: (v: string) => void; long?: boolean }) {
  const id = useId();
  return (
    <>
      <label className="field__label" htmlFor={id}>{label}</label>
      {long
        ? <textarea id={id} className="field__input field__input--text" rows={3} value={value} onChange={(e) => onChange(e.target.value)} />
        : <input id={id} className="field__input" value={value} onChange={(e) => onChange(e.target.value)} />}
    </>
  );
}

/** The form; on success it shows what the server decided, repeat flag included. */
export function ReferralForm({ victimId, dashAssessmentId, caseId, onBack }: ReferralFormProps) {
  const id = useId();
  const api = useDesktopApi();
  const heading = useRef<HTMLHeadingElement>(null);
  const areas = useDesktopQuery('marac.areas', null);
  const [draft, setDraft] = useState<ReferralDraft>(emptyReferralDraft);
  const [made, setMade] = useState<SavedOrQueued<MaracReferralRecord> | null>(null);
  const set = <K extends keyof ReferralDraft>(key: K) => (value: ReferralDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const today = new Date().toLocaleDateString('en-CA');
  const refer = useSubmit(() => {
    const referral = referralBody(draft, victimId, dashAssessmentId, today, caseId ?? null);
    return saveOrQueue(() => api['marac.referrals.create']({ referral }),
      // The ids are made here: the referral's, and the case it opens when it links none.
      () => api['changes.submit']({ name: 'marac_referral.create', args: { referralId: newId(), newCaseId: newId(), referral } }));
  }, { onSuccess: setMade });
  const linked = useDesktopQuery('cases.detail', { caseId: caseId ?? '' }, { enabled: caseId !== undefined });
  useEffect(() => {
    heading.current?.focus();
  }, []);
  useEffect(() => {
    const first = areas.data?.areas[0];
    if (first && draft.maracAreaId === '') {
      setDraft((d) => ({ ...d, maracAreaId: first.id }));
    }
  }, [areas.data, draft.maracAreaId]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void refer.submit();
  };
  const sel = (label: string, value: string, onChange: (v: string) => void, options: Array<[string, string]>) => (
    <SelectField label={label} value={value} onChange={onChange} options={options} />
  );
  const yesNo: Array<[string, string]> = [['not_known', 'Not known'], ['yes', 'Yes'], ['no', 'No']];

  return (
    <Page aria-labelledby={`${id}-title`} data-testid="marac-referral-form">
      <div className="toolbar">
        <button type="button" className="button" onClick={onBack}>← Back</button>
      </div>
      <h1 id={`${id}-title`} ref={heading} tabIndex={-1}>Refer to MARAC</h1>
      {made?.queued === true && (
        <section className={styles.section} aria-labelledby={`${id}-made`} data-testid="referral-queued">
          <h2 id={`${id}-made`}>Referral kept on this computer</h2>
          <p>Casebridge cannot reach the server, so the referral is sent when this computer is connected.</p>
          <p>The server then confirms the DASH score and band, works out the criteria and whether it is a repeat referral. If it does not accept the referral, it shows among the refused changes with the reason.</p>
        </section>
      )}
      {made?.queued === false && (
        <section className={styles.section} aria-labelledby={`${id}-made`} data-testid="referral-made">
          <h2 id={`${id}-made`}>Referral made</h2>
          <p>Case {made.value.caseReference}, {made.value.maracArea.name}. DASH score {made.value.score}: {DASH_BAND_LABELS[made.value.band]} risk.</p>
          <p>Criteria: {made.value.criteria.map((c) => REFERRAL_CRITERION_LABELS[c]).join(', ')}.</p>
          <p data-testid="referral-repeat">{made.value.repeat ? 'This is a repeat referral: the same victim and perpetrator were referred within the last 12 months.' : 'Not a repeat referral.'}</p>
        </section>
      )}
      {made === null && (
        <form onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
          {caseId !== undefined && (
            <p className={styles.section} data-testid="referral-linked-case">
              {linked.data ? `Linked to case ${linked.data.case.reference}, ${linked.data.case.title}: the referral adds to it rather than opening a new case.` : 'Linked to the case it was started from: the referral adds to it rather than opening a new case.'}
            </p>
          )}
          <fieldset className={styles.section}>
            <legend className={styles.legend}>MARAC and referrer</legend>
            <div className={styles.grid}>
              {sel('MARAC area', draft.maracAreaId, set('maracAreaId'), (areas.data?.areas ?? []).map((a) => [a.id, a.name]))}
              <TextField label="Your name" value={draft.contactName} onChange={set('contactName')} />
              <TextField label="Your phone" value={draft.contactPhone} onChange={set('contactPhone')} />
              <TextField label="Your email (optional)" value={draft.contactEmail} onChange={set('contactEmail')} />
            </div>
          </fieldset>
          <fieldset className={styles.section}>
            <legend className={styles.legend}>Victim</legend>
            <div className={styles.grid}>
              <TextField label="Address" value={draft.victimAddress} onChange={set('victimAddress')} />
              <TextField label="Phone" value={draft.victimPhone} onChange={set('victimPhone')} />
              <label className={styles.check}><input type="checkbox" checked={draft.safeToCall} onChange={(e) => set('safeToCall')(e.target.checked)} />Safe to call</label>
              <TextField label="Safe contact times" value={draft.safeContactTimes} onChange={set('safeContactTimes')} />
              <TextField label="Who is the victim afraid of?" value={draft.afraidOf} onChange={set('afraidOf')} long />
              <TextField label="Previous MARACs" value={draft.previousMaracs} onChange={set('previousMaracs')} long />
            </div>
          </fieldset>
          <fieldset className={styles.section}>
            <legend className={styles.legend}>Diversity</legend>
            <div className={styles.grid}>
              <TextField label="Ethnicity" value={draft.ethnicity} onChange={set('ethnicity')} />
              {sel('Disability', draft.disability, (v) => set('disability')(v as ReferralDraft['disability']), yesNo)}
              <TextField label="Sexual orientation" value={draft.sexualOrientation} onChange={set('sexualOrientation')} />
              {sel('LGBT+', draft.lgbtPlus, (v) => set('lgbtPlus')(v as ReferralDraft['lgbtPlus']), yesNo)}
              {sel('Gender', draft.gender, (v) => set('gender')(v as ReferralDraft['gender']),
                [['female', 'Female'], ['male', 'Male'], ['non_binary', 'Non-binary'], ['other', 'Other'], ['unknown', 'Not known']])}
            </div>
          </fieldset>
          <ReferralPeople draft={draft} victimId={victimId} onChange={setDraft} />
          <fieldset className={styles.section}>
            <legend className={styles.legend}>Criteria (visible high risk and repeat are worked out by Casebridge)</legend>
            <div className={styles.grid}>
              <TextField label="Professional judgement: reasons (optional)" value={draft.professionalJudgementReasons} onChange={set('professionalJudgementReasons')} long />
              {draft.incidentDates.map((d, i) => (
                <DateInput key={i} label={`Incident date ${i + 1}`} value={d}
                  onChange={(v) => setDraft((x) => ({ ...x, incidentDates: x.incidentDates.map((y, j) => (j === i ? v : y)) }))} />
              ))}
              <div><button type="button" className="button" onClick={() => setDraft((x) => ({ ...x, incidentDates: [...x.incidentDates, ''] }))}>Add an incident date</button></div>
            </div>
          </fieldset>
          <fieldset className={styles.section}>
            <legend className={styles.legend}>Consent</legend>
            <div className={styles.grid}>
              <label className={styles.check}><input type="checkbox" checked={draft.victimAware} onChange={(e) => set('victimAware')(e.target.checked)} />The victim knows of this referral</label>
              <label className={styles.check}><input type="checkbox" checked={draft.consentGiven} onChange={(e) => set('consentGiven')(e.target.checked)} />The victim consented</label>
              {!draft.consentGiven && sel('Why share without consent?', draft.justification, (v) => set('justification')(v as ReferralDraft['justification']),
                [['', 'Choose a reason'], ...NO_CONSENT_JUSTIFICATIONS.map((j): [string, string] => [j, NO_CONSENT_JUSTIFICATION_LABELS[j]])])}
            </div>
          </fieldset>
          {refer.error && (
            <p className="form-error" role="alert">
              {refer.error.code === 'validation_error' ? (caseId !== undefined ? linkedCaseRefusal(refer.error.message) : null) ?? refer.error.message : errorMessage(refer.error.code)}
            </p>
          )}
          <button type="submit" className="button button--primary" disabled={refer.busy}>Make the referral</button>
        </form>
      )}
    </Page>
  );
}

/** A labelled select. */
function SelectField({ label, value, onChange, options }: { label: string; value: string; onChange: (v: string) => void; options: Array<[string, string]> }) {
  const id = useId();
  return (
    <>
      <label className="field__label" htmlFor={id}>{label}</label>
      <select id={id} className="field__input" value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
      </select>
    </>
  );
}

/** A labelled date input. */
function DateInput({ label, value, onChange }: { label: string; value: string; onChange: (v: string) => void }) {
  const id = useId();
  return (
    <>
      <label className="field__label" htmlFor={id}>{label}</label>
      <input id={id} className="field__input" type="date" value={value} onChange={(e) => onChange(e.target.value)} />
    </>
  );
}
