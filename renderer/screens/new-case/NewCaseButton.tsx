/**
 * "New case" beside the queue: a dialog with the case's type, title, review date, owner team and
 * sharing; saved on this computer (the case.create mutation) and sent at the next sync. The new case
 * opens at once, marked pending until the server has it.
 */
import { useState } from 'react';
import { Controller } from 'react-hook-form';
import type { z } from 'zod';
import { newId } from '../../../domain/ids.ts';
import { CaseCreateArgsSchema } from '../../../domain/sync/mutations.ts';
import { useCaseTypes } from '../../api/use-case-types.ts';
import { useDesktopApi } from '../../api/desktop-api-context.ts';
import { useSchemaForm } from '../../api/use-schema-form.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { DateField } from '../../components/DateField.tsx';
import { Field } from '../../components/Field.tsx';
import { ModalDialog } from '../../components/ModalDialog.tsx';
import { errorMessage } from '../../words/error-messages.ts';
import styles from './NewCaseButton.module.css';
import { FormFooter } from '../../components/FormFooter.tsx';

/** What the user fills in: the case.create mutation's own fields and limits (the id is made on submit). */
const NewCaseFormSchema = CaseCreateArgsSchema.omit({ caseId: true, riskLevel: true });

/** Who may see the new case; `shared` needs named shares, so it is not offered here. */
const SHARING_LABELS = {
  owner_agency: 'Everyone in my agency',
  owner_team: 'My owner team',
  owner_only: 'Only me (and my team managers)',
} as const;

/**
 * The desktop holds the ids of the user's teams but not yet their names, so the teams are numbered
 * ("Your team", or "Your team 1", "Your team 2" …).
 */
function teamLabel(index: number, count: number): string {
  return count === 1 ? 'Your team' : `Your team ${index + 1}`;
}

export interface NewCaseButtonProps {
  /** The signed-in user's team ids: the owner teams offered. */
  teamIds: readonly string[];
  /** Opens the new case once it is saved. */
  onCreated: (caseId: string) => void;
}

/** The button, and the dialog while it is open. */
export function NewCaseButton({ teamIds, onCreated }: NewCaseButtonProps) {
  const [open, setOpen] = useState(false);
  return (
    <div className={styles.bar}>
      <button type="button" className="button button--primary" onClick={() => setOpen(true)}>
        New case
      </button>
      {open && (
        <NewCaseDialog
          teamIds={teamIds}
          onClose={() => setOpen(false)}
          onCreated={(caseId) => {
            setOpen(false);
            onCreated(caseId);
          }}
        />
      )}
    </div>
  );
}

function NewCaseDialog({ teamIds, onClose, onCreated }: NewCaseButtonProps & { onClose: () => void }) {
  const api = useDesktopApi();
  const form = useSchemaForm(NewCaseFormSchema, {
    caseType: '', title: '', reviewDate: null, ownerTeamId: teamIds[0] ?? null, sharingLevel: 'owner_agency',
  });
  const { errors } = form.formState;
  // The synced case types still in use: a retired type keeps its cases but is never offered for a new one.
  const choosable = (useCaseTypes().data?.caseTypes ?? []).filter((t) => t.active);
  const { busy, error, submit } = useSubmit(
    async (fields: z.output<typeof NewCaseFormSchema>) => {
      const caseId = newId();
      const result = await api['changes.submit']({ name: 'case.create', args: { caseId, ...fields } });
      return result.ok ? { ok: true as const, value: caseId } : result;
    },
    { onSuccess: onCreated },
  );
  return (
    <ModalDialog title="New case" onClose={onClose} dismissable={!busy}>
      <form className={styles.form} noValidate onSubmit={(event) => void form.handleSubmit((fields) => submit(fields))(event)}>
        <Field label="Case type" error={errors.caseType?.message}>
          <select className="field__input" {...form.register('caseType')}>
            <option value="">Choose a case type</option>
            {choosable.map((t) => (
              <option key={t.code} value={t.code}>
                {t.label}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Title" error={errors.title?.message}>
          <input className="field__input" autoComplete="off" {...form.register('title')} />
        </Field>
        <Controller
          control={form.control}
          name="reviewDate"
          render={({ field, fieldState }) => (
            <DateField label="Review date (optional)" value={field.value ?? null} onChange={field.onChange} error={fieldState.error?.message} />
          )}
        />
        <Field label="Owner team" error={errors.ownerTeamId?.message}>
          <select className="field__input" {...form.register('ownerTeamId', { setValueAs: (v: string | null) => (v === '' || v === null ? null : v) })}>
            {teamIds.map((teamId, index) => (
              <option key={teamId} value={teamId}>
                {teamLabel(index, teamIds.length)}
              </option>
            ))}
            <option value="">No owner team</option>
          </select>
        </Field>
        <Field label="Who may see it" error={errors.sharingLevel?.message}>
          <select className="field__input" {...form.register('sharingLevel')}>
            {Object.entries(SHARING_LABELS).map(([level, label]) => (
              <option key={level} value={level}>
                {label}
              </option>
            ))}
          </select>
        </Field>
        <p className={styles.note}>The case is saved on this computer and sent to the server at the next sync; its reference comes from the server.</p>
        <FormFooter refusal={error ? errorMessage(error.code) : null} busy={busy} submitLabel="Create case" onCancel={onClose} />
      </form>
    </ModalDialog>
  );
}
