/** One DASH question: a radio group (yes / no / don't know / not asked), an optional comment and the source. */
import { useId } from 'react';
import { DASH_ANSWER_LABELS, DASH_ANSWERS, dashQuestionText, type DashQuestion } from '../../../domain/marac/dash-questionnaire.ts';
import type { DashAnswerDraft } from './dash-draft.ts';
import styles from './DashChecklist.module.css';

/** The question, its draft and how to change it. */
export interface DashQuestionItemProps {
  question: DashQuestion;
  draft: DashAnswerDraft;
  onChange: (next: DashAnswerDraft) => void;
}

/** A fieldset whose legend is the question, so each radio is announced with it. */
export function DashQuestionItem({ question, draft, onChange }: DashQuestionItemProps) {
  const id = useId();
  return (
    <fieldset className={styles.question} data-testid={`dash-question-${question.n}`}>
      <legend className={styles.legend}>
        {question.n}. {dashQuestionText(question, null)}
      </legend>
      <div className={styles.answers}>
        {DASH_ANSWERS.map((value) => (
          <label key={value} className={styles.answer}>
            <input
              type="radio"
              name={`${id}-answer`}
              value={value}
              checked={draft.answer === value}
              onChange={() => onChange({ ...draft, answer: value })}
            />
            {DASH_ANSWER_LABELS[value]}
          </label>
        ))}
      </div>
      <div className={styles.extras}>
        <label className="field__label" htmlFor={`${id}-comment`}>Comment (optional)</label>
        <input id={`${id}-comment`} className="field__input" maxLength={2000} value={draft.comment} onChange={(e) => onChange({ ...draft, comment: e.target.value })} />
        <label className="field__label" htmlFor={`${id}-source`}>Source, if not the victim (optional)</label>
        <input id={`${id}-source`} className="field__input" maxLength={200} value={draft.source} onChange={(e) => onChange({ ...draft, source: e.target.value })} />
      </div>
    </fieldset>
  );
}
