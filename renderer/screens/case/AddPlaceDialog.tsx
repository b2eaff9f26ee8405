/**
 * "Add a place" on a case: a place already on this computer (FindPlace: one queued
 * `case.addLocation`), or a new address (owned by the user's agency), each with why it matters to
 * the case; a new one is saved as two queued changes (`location.create`, then `case.addLocation`).
 * Before a new address is saved, the places on this computer are checked for the same address
 * (same-address.ts); when one is there the user may use it instead (the choice offered first) or
 * record the new one anyway. A place already on this very case is named as such, not offered again.
 * Sent at the next sync, so it works offline.
 */
import { useState } from 'react';
import { newId } from '../../../domain/ids.ts';
import { useDesktopApi } from '../../api/desktop-api-context.ts';
import { useSchemaForm } from '../../api/use-schema-form.ts';
import { Field } from '../../components/Field.tsx';
import { ModalDialog } from '../../components/ModalDialog.tsx';
import { errorMessage } from '../../words/error-messages.ts';
import { FindPlace } from './FindPlace.tsx';
import { NewPlaceFormSchema, type NewPlace } from './new-place.ts';
import { duplicateSearchText, sameAddress } from './same-address.ts';
import styles from '../person-create/RecordPersonDialog.module.css';

/** The case the place goes on, and how to close the dialog. */
export interface AddPlaceDialogProps {
  caseId: string;
  /** The ids of the places already on the case, so the same address is not added to it twice. */
  placesOnCase: readonly string[];
  onClose: () => void;
}

/** A place on this computer with the address just typed. */
interface SamePlace {
  id: string;
  address: string;
}

/** The form; bad input is refused beside its field and nothing is queued. */
export function AddPlaceDialog({ caseId, placesOnCase, onClose }: AddPlaceDialogProps) {
  const api = useDesktopApi();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // While a place found on this computer is chosen, the new-place form steps aside.
  const [usingFound, setUsingFound] = useState(false);
  // The new place waiting on the user's answer, with the places on this computer at the same address.
  const [same, setSame] = useState<{ place: NewPlace; places: SamePlace[] } | null>(null);
  const form = useSchemaForm(NewPlaceFormSchema, { addressLine: '', town: '', postcode: '', description: '' });
  const { errors } = form.formState;

  async function save({ description, ...address }: NewPlace): Promise<void> {
    setBusy(true);
    setError(null);
    const locationId = newId();
    const created = await api['changes.submit']({ name: 'location.create', args: { locationId, ...address } });
    const added = created.ok
      ? await api['changes.submit']({ name: 'case.addLocation', args: { caseLocationId: newId(), caseId, locationId, description } })
      : created;
    setBusy(false);
    if (added.ok) {
      onClose();
    } else {
      setError(errorMessage(added.error.code));
    }
  }

  // The places this user can see are all in the offline copy, so it is checked whether online or not.
  async function checkThenSave(place: NewPlace): Promise<void> {
    setBusy(true);
    setError(null);
    const found = await api['locations.search']({ text: duplicateSearchText(place), limit: 50 });
    setBusy(false);
    if (!found.ok) {
      setError(errorMessage(found.error.code));
      return;
    }
    const places = sameAddress(found.value.hits, place);
    if (places.length === 0) {
      await save(place);
    } else {
      setSame({ place, places });
    }
  }

  async function addExisting(locationId: string, description: string): Promise<void> {
    setBusy(true);
    setError(null);
    const added = await api['changes.submit']({ name: 'case.addLocation', args: { caseLocationId: newId(), caseId, locationId, description } });
    setBusy(false);
    if (added.ok) {
      onClose();
    } else {
      setError(errorMessage(added.error.code));
    }
  }

  if (same) {
    return (
      <ModalDialog title="Is this place already recorded?" onClose={onClose} dismissable={!busy}>
        <SameAddressChoice places={same.places} placesOnCase={placesOnCase} busy={busy} error={error}
          onUse={(id) => void addExisting(id, same.place.description)} onRecordAnyway={() => void save(same.place)} onBack={() => setSame(null)} />
      </ModalDialog>
    );
  }

  return (
    <ModalDialog title="Add a place to the case" onClose={onClose} dismissable={!busy}>
      <FindPlace caseId={caseId} onAdded={onClose} onChosenChange={setUsingFound} />
      {!usingFound && <h3 className={styles.name}>Or record a new place</h3>}
      {!usingFound && <form className={styles.form} noValidate onSubmit={(event) => void form.handleSubmit((place) => checkThenSave(place))(event)}>
        <Field label="Address" error={errors.addressLine?.message}>
          <input className="field__input" autoComplete="off" {...form.register('addressLine')} />
        </Field>
        <Field label="Town" error={errors.town?.message}>
          <input className="field__input" autoComplete="off" {...form.register('town')} />
        </Field>
        <Field label="Postcode" error={errors.postcode?.message}>
          <input className="field__input" autoComplete="off" {...form.register('postcode')} />
        </Field>
        <Field label="Why this place matters to the case" error={errors.description?.message}>
          <textarea className="field__input" rows={3} {...form.register('description')} />
        </Field>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className={styles.actions}>
          <button type="submit" className="button button--primary" disabled={busy}>
            Add the place
          </button>
          <button type="button" className="button" disabled={busy} onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>}
    </ModalDialog>
  );
}

/** What the same-address step offers: the places to use (first), then recording a new one, or going back. */
interface SameAddressChoiceProps {
  places: SamePlace[];
  placesOnCase: readonly string[];
  busy: boolean;
  error: string | null;
  onUse: (locationId: string) => void;
  onRecordAnyway: () => void;
  onBack: () => void;
}

/** The places with the typed address; one already on this case says so instead of offering itself. */
function SameAddressChoice({ places, placesOnCase, busy, error, onUse, onRecordAnyway, onBack }: SameAddressChoiceProps) {
  const onCase = new Set(placesOnCase);
  const usable = places.filter((p) => !onCase.has(p.id));
  const one = places.length === 1;
  return (
    <div className={styles.form}>
      <p className={styles.notice} role="status">
        {usable.length === 0
          ? `This address is already on this case${one ? '' : `, ${places.length} times`}. There is no need to add it again: go back to change the details, or record a new place anyway.`
          : `${one ? 'A place' : `${places.length} places`} on this computer ${one ? 'has' : 'have'} the address you typed. Use ${usable.length === 1 ? 'it' : 'one of them'}, so the case and its warnings point at one place, or record a new place anyway.`}
      </p>
      <ul className={styles.candidates} aria-label="Places with this address">
        {places.map((p) => (
          <li key={p.id} className={styles.candidate}>
            <span className={styles.name}>{p.address}</span>
            {onCase.has(p.id) ? (
              <span className={styles.note}>Already on this case</span>
            ) : (
              <button type="button" className={usable.length === 1 ? 'button button--primary' : 'button'} disabled={busy}
                aria-label={`Use this place: ${p.address}`} onClick={() => onUse(p.id)}>
                Use this place
              </button>
            )}
          </li>
        ))}
      </ul>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className={styles.actions}>
        <button type="button" className="button" disabled={busy} onClick={onRecordAnyway}>
          Record a new place anyway
        </button>
        <button type="button" className={usable.length === 0 ? 'button button--primary' : 'button'} disabled={busy} onClick={onBack}>
          Back to the details
        </button>
      </div>
    </div>
  );
}
