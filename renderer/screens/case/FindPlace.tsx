/**
 * "Find a place on this computer" in the Add a place dialog: address, town or postcode, matched
 * anywhere in the offline copy's places; picking one puts that place on the case (with why it
 * matters) instead of recording the address again.
 */
import { useId, useState } from 'react';
import { CaseLocationBodySchema } from '../../../domain/entities/case.ts';
import type { LocationSearchResult } from '../../../domain/ipc/location-channels.ts';
import { newId } from '../../../domain/ids.ts';
import { useDesktopApi } from '../../api/desktop-api-context.ts';
import { useSchemaForm } from '../../api/use-schema-form.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { Field } from '../../components/Field.tsx';
import { errorMessage } from '../../words/error-messages.ts';
import styles from '../person-create/RecordPersonDialog.module.css';

const ExistingPlaceFormSchema = CaseLocationBodySchema.pick({ description: true });
type Place = LocationSearchResult['hits'][number];

/** What the dialog gives: the case, what to do once added, and a signal while a found place is chosen (the new-place form steps aside). */
export interface FindPlaceProps {
  caseId: string;
  onAdded: () => void;
  onChosenChange: (chosen: boolean) => void;
}

/** The search, its results, and once one is picked, the reason and "Add this place to the case". */
export function FindPlace({ caseId, onAdded, onChosenChange }: FindPlaceProps) {
  const api = useDesktopApi();
  const id = useId();
  const [text, setText] = useState('');
  const [chosen, setChosenPlace] = useState<Place | null>(null);
  const setChosen = (place: Place | null) => {
    setChosenPlace(place);
    onChosenChange(place !== null);
  };
  const [hits, setHits] = useState<Place[] | null>(null);
  const search = useSubmit((q: string) => api['locations.search']({ text: q, limit: 20 }), { onSuccess: (found) => setHits(found.hits) });
  const form = useSchemaForm(ExistingPlaceFormSchema, { description: '' });
  const add = useSubmit((place: Place, description: string) =>
    api['changes.submit']({ name: 'case.addLocation', args: { caseLocationId: newId(), caseId, locationId: place.id, description } }), { onSuccess: onAdded });

  if (chosen) {
    return (
      <form className={styles.form} noValidate aria-labelledby={`${id}-chosen`}
        onSubmit={(event) => void form.handleSubmit(({ description }) => add.submit(chosen, description))(event)}>
        <p id={`${id}-chosen`} className={styles.notice}>Place: {chosen.address}</p>
        <Field label="Why this place matters to the case" error={form.formState.errors.description?.message}>
          <textarea className="field__input" rows={3} {...form.register('description')} />
        </Field>
        {add.error && <p className="form-error" role="alert">{errorMessage(add.error.code)}</p>}
        <div className={styles.actions}>
          <button type="submit" className="button button--primary" disabled={add.busy}>Add this place to the case</button>
          <button type="button" className="button" disabled={add.busy} onClick={() => setChosen(null)}>Choose another place</button>
        </div>
      </form>
    );
  }
  return (
    <form className={styles.form} role="search" aria-label="Find a place on this computer" noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (text.trim() !== '') {
          void search.submit(text.trim());
        }
      }}>
      {/* The words "address", "town" and "postcode" stay out of the label: those name the new place's fields below. */}
      <label className="field__label" htmlFor={`${id}-q`}>Find a place already on this computer</label>
      <p id={`${id}-hint`} className={styles.note}>Any part of the street, town or postcode.</p>
      <div className={styles.actions}>
        <input id={`${id}-q`} className="field__input" autoComplete="off" maxLength={200} aria-describedby={`${id}-hint`} value={text}
          onChange={(event) => setText(event.target.value)} />
        <button type="submit" className="button" disabled={search.busy}>Find</button>
      </div>
      {search.error && <p className="form-error" role="alert">{errorMessage(search.error.code)}</p>}
      {hits !== null && (hits.length === 0 ? (
        <p role="status" className={styles.note}>No place on this computer matches. Record it as a new place below.</p>
      ) : (
        <ul className={styles.candidates} aria-label="Places found">
          {hits.map((p) => (
            <li key={p.id} className={styles.candidate}>
              <span className={styles.name}>{p.address}</span>
              <button type="button" className="button" aria-label={`Use this place: ${p.address}`} onClick={() => setChosen(p)}>Use this place</button>
            </li>
          ))}
        </ul>
      ))}
    </form>
  );
}
