/** The audit filters: who, which agency and team, which person and case, what kind of act, and which days. */
import { Controller } from 'react-hook-form';
import { AUDIT_ACTIONS, AUDIT_CATEGORIES, type AuditAction } from '../../../domain/audit/audit-actions.ts';
import { useSchemaForm } from '../../api/use-schema-form.ts';
import { DateField } from '../../components/DateField.tsx';
import { Field } from '../../components/Field.tsx';
import { AUDIT_ACTION_LABELS, AUDIT_CATEGORY_LABELS } from '../../words/audit-words.ts';
import { AuditFilterFormSchema, formOf, paramsOf, type AuditSearchParams } from './audit-search.ts';
import styles from './Audit.module.css';

/** The URL's filters, and what to do with new ones. */
export interface AuditFilterFormProps {
  search: AuditSearchParams;
  onSearch: (search: AuditSearchParams) => void;
}

const ACTIONS = Object.keys(AUDIT_ACTIONS) as AuditAction[];
const ID_FIELDS = [
  { name: 'user', label: 'User ID' },
  { name: 'agency', label: 'Agency ID (who acted)' },
  { name: 'team', label: 'Team ID' },
  { name: 'person', label: 'Person ID' },
  { name: 'case', label: 'Case ID' },
] as const;

/** Searching is deliberate (each search is audited), so it runs on "Search", not on every change. */
export function AuditFilterForm({ search, onSearch }: AuditFilterFormProps) {
  const form = useSchemaForm(AuditFilterFormSchema, formOf(search));
  const { errors } = form.formState;
  return (
    <form
      className={styles.form}
      role="search"
      aria-label="Filter audit events"
      noValidate
      onSubmit={(event) => void form.handleSubmit((values) => onSearch(paramsOf(values)))(event)}
    >
      <div className={styles.field}>
        <Field label="Action" error={errors.action?.message}>
          <select className="field__input" {...form.register('action')}>
            <option value="">Any action</option>
            {ACTIONS.map((action) => (
              <option key={action} value={action}>
                {AUDIT_ACTION_LABELS[action]}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div className={styles.field}>
        <Field label="Category (DPA 2018 s62)" error={errors.category?.message}>
          <select className="field__input" {...form.register('category')}>
            <option value="">Any category</option>
            {AUDIT_CATEGORIES.map((category) => (
              <option key={category} value={category}>
                {AUDIT_CATEGORY_LABELS[category]}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {ID_FIELDS.map(({ name, label }) => (
        <div className={styles.field} key={name}>
          <Field label={label} error={errors[name]?.message}>
            <input className="field__input" type="text" autoComplete="off" spellCheck={false} {...form.register(name)} />
          </Field>
        </div>
      ))}
      <Controller
        control={form.control}
        name="from"
        render={({ field, fieldState }) => <DateField label="From (day)" value={field.value} onChange={field.onChange} error={fieldState.error?.message} />}
      />
      <Controller
        control={form.control}
        name="to"
        render={({ field, fieldState }) => <DateField label="To (day, included)" value={field.value} onChange={field.onChange} error={fieldState.error?.message} />}
      />
      <div className={styles.actions}>
        <button type="submit" className="button button--primary">
          Search
        </button>
      </div>
    </form>
  );
}
