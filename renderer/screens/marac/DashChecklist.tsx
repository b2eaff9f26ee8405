/**
 * The DASH risk checklist screen for one person (docs/marac.md): 24 questions, a live score and band,
 * and professional judgement that may raise the level. Saved to the server, which scores it again;
 * when the server cannot be reached it waits on this computer and is scored when it syncs.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { DashAssessmentRecord } from '../../../domain/entities/dash-assessment.ts';
import { newId } from '../../../domain/ids.ts';
import { CURRENT_DASH_VERSION, dashQuestionnaire } from '../../../domain/marac/dash-questionnaire.ts';
import { bandRank, DASH_BAND_LABELS, DASH_BANDS, type DashBand } from '../../../domain/marac/dash-scoring.ts';
import { useDesktopApi } from '../../api/desktop-api-context.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { Page } from '../../components/Page.tsx';
import { errorMessage } from '../../words/error-messages.ts';
import { dashBody, draftLevel, emptyDashDraft, unanswered } from './dash-draft.ts';
import { DashHistory } from './DashHistory.tsx';
import { DashQuestionItem } from './DashQuestionItem.tsx';
import styles from './DashChecklist.module.css';
import { saveOrQueue } from './save-or-queue.ts';

const QUESTIONNAIRE = dashQuestionnaire(CURRENT_DASH_VERSION)!;

/** Whose checklist, and where to go next. */
export interface DashChecklistProps {
  personId: string;
  onBack: () => void;
  /** After saving: refer this person to MARAC with the saved assessment (offered when given). */
  onRefer?: ((assessmentId: string) => void) | undefined;
}

/** The checklist form; on save it shows the server's score and band and offers the referral. */
export function DashChecklist({ personId, onBack, onRefer }: DashChecklistProps) {
  const id = useId();
  const api = useDesktopApi();
  const heading = useRef<HTMLHeadingElement>(null);
  const [draft, setDraft] = useState(() => emptyDashDraft(QUESTIONNAIRE));
  const [problem, setProblem] = useState<string | null>(null);
  // The server's record, or (offline) the client-made id with the level as counted here.
  const [saved, setSaved] = useState<DashAssessmentRecord | { id: string; queued: true; score: number; band: DashBand } | null>(null);
  const save = useSubmit(() => {
    const assessment = dashBody(QUESTIONNAIRE, draft);
    const assessmentId = newId();
    const level = draftLevel(draft);
    return saveOrQueue(() => api['marac.assessments.create']({ personId, assessment }),
      () => api['changes.submit']({ name: 'dash_assessment.create', args: { assessmentId, personId, assessment } }))
      .then((r) => (r.ok ? { ok: true as const, value: r.value.queued ? { id: assessmentId, queued: true as const, score: level.score, band: level.band } : r.value.value } : r));
  }, { onSuccess: setSaved });
  useEffect(() => {
    heading.current?.focus();
  }, []);

  const level = draftLevel(draft);
  const raisable = DASH_BANDS.filter((b) => bandRank(b) > bandRank(level.scoredBand));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing = unanswered(draft);
    if (missing.length > 0) {
      setProblem(`Answer every question (use "Not asked" where it was not asked). Still to answer: ${missing.join(', ')}.`);
      return;
    }
    if (draft.judgementBand !== null && draft.judgementReasons.trim().length < 10) {
      setProblem('Give the reasons for your professional judgement (at least 10 characters).');
      return;
    }
    setProblem(null);
    void save.submit();
  };

  return (
    <Page aria-labelledby={`${id}-title`} data-testid="dash-checklist">
      <div className={styles.toolbar}>
        <button type="button" className="button" onClick={onBack}>← Back</button>
      </div>
      <h1 id={`${id}-title`} ref={heading} tabIndex={-1} className={styles.title}>DASH risk checklist</h1>
      <p className={styles.intro}>SafeLives DASH risk identification checklist, version {QUESTIONNAIRE.version}. The score is the number of “yes” answers.</p>
      <DashHistory key={saved?.id ?? 'before'} personId={personId} />
      <p className={styles.level} role="status" aria-live="polite" data-testid="dash-live-level">
        Score {level.score} of {QUESTIONNAIRE.questions.length}: {DASH_BAND_LABELS[level.scoredBand]} risk
        {level.band !== level.scoredBand && `, raised to ${DASH_BAND_LABELS[level.band]} by professional judgement`}
      </p>
      {saved ? (
        <section className={styles.saved} aria-labelledby={`${id}-saved`}>
          <h2 id={`${id}-saved`}>{'queued' in saved ? 'Checklist kept on this computer' : 'Checklist saved'}</h2>
          {'queued' in saved ? (
            <p data-testid="dash-saved-level">Score {saved.score}: {DASH_BAND_LABELS[saved.band]} risk, as counted on this computer. Casebridge cannot reach the server:
              the checklist is sent when this computer is connected, and the server confirms the score and band then.</p>
          ) : <p data-testid="dash-saved-level">Score {saved.score}: {DASH_BAND_LABELS[saved.band]} risk.</p>}
          {onRefer && <button type="button" className="button button--primary" onClick={() => onRefer(saved.id)}>Refer to MARAC</button>}
          <button type="button" className="button" onClick={onBack}>Back to the person</button>
        </section>
      ) : (
        <form onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
          {QUESTIONNAIRE.questions.map((q) => (
            <DashQuestionItem key={q.n} question={q} draft={draft.answers[q.n]!}
              onChange={(next) => setDraft((d) => ({ ...d, answers: { ...d.answers, [q.n]: next } }))} />
          ))}
          <fieldset className={styles.question}>
            <legend className={styles.legend}>Professional judgement (optional: it can raise the level, never lower it)</legend>
            <label className="field__label" htmlFor={`${id}-judgement`}>Raise the level to</label>
            <select id={`${id}-judgement`} className="field__input" value={draft.judgementBand ?? ''}
              onChange={(e) => setDraft((d) => ({ ...d, judgementBand: e.target.value === '' ? null : (e.target.value as DashBand) }))}>
              <option value="">No change ({DASH_BAND_LABELS[level.scoredBand]})</option>
              {raisable.map((b) => <option key={b} value={b}>{DASH_BAND_LABELS[b]}</option>)}
            </select>
            {draft.judgementBand !== null && (
              <>
                <label className="field__label" htmlFor={`${id}-reasons`}>Reasons</label>
                <textarea id={`${id}-reasons`} className="field__input" rows={3} maxLength={4000} value={draft.judgementReasons}
                  onChange={(e) => setDraft((d) => ({ ...d, judgementReasons: e.target.value }))} />
              </>
            )}
          </fieldset>
          {problem && <p className="form-error" role="alert">{problem}</p>}
          {save.error && <p className="form-error" role="alert">{save.error.code === 'validation_error' ? save.error.message : errorMessage(save.error.code)}</p>}
          <button type="submit" className="button button--primary" disabled={save.busy}>Save checklist</button>
        </form>
      )}
    </Page>
  );
}
