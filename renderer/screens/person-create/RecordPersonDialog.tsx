/**
 * "Record a new person": name, birth, gender and consent, then the duplicate check before anything is
 * saved — the server's ranking when connected, this computer's copy when not (and the dialog says
 * so). The user picks an existing person or says this is a different person; the new person is saved
 * on this computer (the person.create mutation) and sent at the next sync, where the server checks
 * for duplicates again.
 */
import { useState } from 'react';
import { Controller } from 'react-hook-form';
import type { z } from 'zod';
import { CONSENT_STATUSES, CreatePersonBodySchema, GENDERS } from '../../../domain/entities/person.ts';
import { newId } from '../../../domain/ids.ts';
import { useDesktopApi } from '../../api/desktop-api-context.ts';
import { useSchemaForm } from '../../api/use-schema-form.ts';
import { DateField } from '../../components/DateField.tsx';
import { Field } from '../../components/Field.tsx';
import { ModalDialog } from '../../components/ModalDialog.tsx';
import { errorMessage } from '../../words/error-messages.ts';
import { DuplicateCandidates, type Candidate } from './DuplicateCandidates.tsx';
import type { NewPersonStart } from './new-person-from-search.ts';
import { CONSENT_LABELS, GENDER_LABELS } from './person-create-words.ts';
import styles from './RecordPersonDialog.module.css';
import { FormFooter } from '../../components/FormFooter.tsx';

type NewPerson = z.output<typeof CreatePersonBodySchema>;

/** What the check found, and whether it was the server's or only this computer's copy. */
interface Check {
  person: NewPerson;
  candidates: Candidate[];
  where: 'server' | 'local';
}

export interface RecordPersonDialogProps {
  /** Called with the chosen person: an existing one, or the new one once it is saved on this computer. */
  onChosen: (personId: string, isNew: boolean) => void;
  onClose: () => void;
  /** What the form starts with (a search carried over); empty when not given. */
  start?: NewPersonStart | undefined;
}

/** The form, then (when anyone resembles the new person) the likely matches. */
export function RecordPersonDialog({ onChosen, onClose, start }: RecordPersonDialogProps) {
  const api = useDesktopApi();
  const [check, setCheck] = useState<Check | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const form = useSchemaForm(CreatePersonBodySchema, {
    givenName: start?.givenName ?? '', familyName: start?.familyName ?? '', dateOfBirth: start?.dateOfBirth, estimatedBirthYear: undefined, gender: 'unknown', consentStatus: 'not_sought',
    aliases: [], identifiers: [],
  });
  const { errors } = form.formState;

  async function save(person: NewPerson): Promise<void> {
    setBusy(true);
    const personId = newId();
    const result = await api['changes.submit']({ name: 'person.create', args: { personId, person } });
    setBusy(false);
    if (result.ok) {
      onChosen(personId, true);
    } else {
      setError(errorMessage(result.error.code));
    }
  }

  async function checkThenSave(person: NewPerson): Promise<void> {
    setBusy(true);
    setError(null);
    const { consentStatus: _consent, identifiers: _identifiers, ...match } = person;
    const online = await api['persons.matchOnline'](match);
    let found: Check;
    if (online.ok) {
      found = { person, where: 'server', candidates: online.value.likelyMatches.map((m) => ({ match: m })) };
    } else if (online.error.code === 'network_error') {
      const local = await api['persons.search']({ text: person.familyName, limit: 10 });
      found = { person, where: 'local', candidates: local.ok ? local.value.hits.map((hit) => ({ hit })) : [] };
    } else {
      setBusy(false);
      setError(errorMessage(online.error.code));
      return;
    }
    setBusy(false);
    if (found.candidates.length === 0 && found.where === 'server') {
      await save(person);
    } else {
      setCheck(found);
    }
  }

  if (check) {
    return (
      <ModalDialog title="Is this someone already recorded?" onClose={onClose} dismissable={!busy}>
        <div className={styles.form}>
          {check.where === 'local' && (
            <p className={styles.notice} role="status" data-testid="local-duplicate-notice">
              Only this computer’s copy was checked: the server’s duplicate check needs a connection. The server checks again when the person is sent.
            </p>
          )}
          <DuplicateCandidates candidates={check.candidates} onUse={(personId) => onChosen(personId, false)} />
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <div className={styles.actions}>
            <button type="button" className="button button--primary" disabled={busy} onClick={() => void save(check.person)}>
              This is a different person
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => setCheck(null)}>
              Back to the details
            </button>
          </div>
        </div>
      </ModalDialog>
    );
  }

  return (
    <ModalDialog title="Record a new person" onClose={onClose} dismissable={!busy}>
      <form className={styles.form} noValidate onSubmit={(event) => void form.handleSubmit((person) => checkThenSave(person))(event)}>
        <Field label="Given name" error={errors.givenName?.message}>
          <input className="field__input" autoComplete="off" {...form.register('givenName')} />
        </Field>
        <Field label="Family name" error={errors.familyName?.message}>
          <input className="field__input" autoComplete="off" {...form.register('familyName')} />
        </Field>
        <Controller
          control={form.control}
          name="dateOfBirth"
          render={({ field, fieldState }) => (
            <DateField label="Date of birth (if known)" value={field.value ?? null} onChange={(v) => field.onChange(v ?? undefined)} error={fieldState.error?.message} />
          )}
        />
        <Field label="Estimated year of birth (if the date is not known)" error={errors.estimatedBirthYear?.message}>
          <input
            className="field__input"
            inputMode="numeric"
            autoComplete="off"
            {...form.register('estimatedBirthYear', { setValueAs: (v: string | number | undefined) => (v === '' || v === undefined ? undefined : Number(v)) })}
          />
        </Field>
        <Field label="Gender" error={errors.gender?.message}>
          <select className="field__input" {...form.register('gender')}>
            {GENDERS.map((g) => (
              <option key={g} value={g}>
                {GENDER_LABELS[g]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Consent to share" error={errors.consentStatus?.message}>
          <select className="field__input" {...form.register('consentStatus')}>
            {CONSENT_STATUSES.map((c) => (
              <option key={c} value={c}>
                {CONSENT_LABELS[c]}
              </option>
            ))}
          </select>
        </Field>
        <p className={styles.note}>Before saving, people who may be the same person are shown, so no one is recorded twice.</p>
        <FormFooter refusal={error} busy={busy} submitLabel="Check and record" onCancel={onClose} />
      </form>
    </ModalDialog>
  );
}
