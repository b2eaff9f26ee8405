/** Logging a subject access request: the person, the reference, the day it was received and who asked. */
import { useId, useState, type FormEvent } from 'react';
import { SAR_REQUESTER_RELATIONS, type SarRequesterRelation } from '../../../domain/entities/sar.ts';
import type { SarPersonHit } from '../../../domain/http/sar-routes.ts';
import { useDesktopMutation } from '../../api/desktop-query.ts';
import { SAR_RELATION_LABELS } from '../../words/sar-words.ts';
import { MutationError } from './MutationError.tsx';
import { SarPersonPicker } from './SarPersonPicker.tsx';
import styles from './Sars.module.css';

/** What to do once logged. */
export interface LogSarFormProps {
  onLogged: (sarId: string) => void;
}

/** The form; the server works out the due date and the consultations. */
export function LogSarForm({ onLogged }: LogSarFormProps) {
  const id = useId();
  const [person, setPerson] = useState<SarPersonHit | null>(null);
  const [reference, setReference] = useState('');
  const [receivedOn, setReceivedOn] = useState('');
  const [requesterName, setRequesterName] = useState('');
  const [relation, setRelation] = useState<SarRequesterRelation>('data_subject');
  const [contact, setContact] = useState('');
  const create = useDesktopMutation('sars.create');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!person) {
      return;
    }
    create.mutate({ personId: person.id, reference, receivedOn, requesterName, requesterRelation: relation, requesterContact: contact }, {
      onSuccess: (detail) => onLogged(detail.id),
    });
  };
  return (
    <form className={styles.form} onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Log a request</h2>
      {person
        ? <p>About <strong>{person.name}</strong> <button type="button" className="button" onClick={() => setPerson(null)}>Choose someone else</button></p>
        : <SarPersonPicker onPick={setPerson} />}
      <div className="field">
        <label className="field__label" htmlFor={`${id}-ref`}>Your reference</label>
        <input id={`${id}-ref`} className="field__input" required maxLength={60} value={reference} onChange={(e) => setReference(e.target.value)} />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-received`}>Date received</label>
        <input id={`${id}-received`} className="field__input" type="date" required value={receivedOn} onChange={(e) => setReceivedOn(e.target.value)} />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-name`}>Requester’s name</label>
        <input id={`${id}-name`} className="field__input" required maxLength={200} value={requesterName} onChange={(e) => setRequesterName(e.target.value)} />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-relation`}>Who asked</label>
        <select id={`${id}-relation`} className="field__input" value={relation} onChange={(e) => setRelation(e.target.value as SarRequesterRelation)}>
          {SAR_REQUESTER_RELATIONS.map((r) => <option key={r} value={r}>{SAR_RELATION_LABELS[r]}</option>)}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-contact`}>How to reply (address or email)</label>
        <textarea id={`${id}-contact`} className="field__input" required maxLength={500} value={contact} onChange={(e) => setContact(e.target.value)} />
      </div>
      <MutationError error={create.error} />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={!person || create.isPending}>Log the request</button>
      </div>
    </form>
  );
}
