/** The person search form: a name (or part of one, or an alias) and, optionally, a date of birth. */
import { Controller } from 'react-hook-form';
import { useSchemaForm } from '../../api/use-schema-form.ts';
import { DateField } from '../../components/DateField.tsx';
import { Field } from '../../components/Field.tsx';
import { PersonSearchFormSchema } from './person-search.ts';
import styles from './PersonSearch.module.css';

/** What was searched last (the URL's), and what to do with a new search. */
export interface PersonSearchFormProps {
  text: string;
  dateOfBirth: string | null;
  onSearch: (search: { text: string; dateOfBirth: string | null }) => void;
}

/** Searching is a deliberate act (each search is audited), so it runs on Search, not on every keystroke. */
export function PersonSearchForm({ text, dateOfBirth, onSearch }: PersonSearchFormProps) {
  const form = useSchemaForm(PersonSearchFormSchema, { text, dateOfBirth });
  const { errors } = form.formState;
  return (
    <form
      className={styles.form}
      role="search"
      aria-label="Find a person"
      noValidate
      onSubmit={(event) => void form.handleSubmit((search) => onSearch({ text: search.text, dateOfBirth: search.dateOfBirth ?? null }))(event)}
    >
      <div className={styles.name}>
        <Field label="Name or alias" error={errors.text?.message}>
          <input className="field__input" type="search" autoComplete="off" {...form.register('text')} />
        </Field>
      </div>
      <Controller
        control={form.control}
        name="dateOfBirth"
        render={({ field, fieldState }) => (
          <DateField label="Date of birth (optional)" value={field.value ?? null} onChange={field.onChange} error={fieldState.error?.message} />
        )}
      />
      <button type="submit" className={`button button--primary ${styles.submit}`}>
        Search
      </button>
    </form>
  );
}
