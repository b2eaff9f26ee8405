/** One conflict on the Sync problems screen: my values against the server's, and Keep mine / Take theirs / Merge. */
import { useEffect, useId, useState } from 'react';
import type { ResolveConflictInput, SyncConflict } from '../../../domain/ipc/sync-channels.ts';
import { useDesktopApi } from '../../api/desktop-api-context.ts';
import { errorMessage } from '../../words/error-messages.ts';
import { entityLabel, fieldLabel, fieldValue, mergeDraft } from '../../words/sync-problem-words.ts';
import { useSubmit } from '../../api/use-submit.ts';
import styles from './ProblemItem.module.css';

/** What a conflict item needs from the screen. */
export interface ConflictItemProps {
  conflict: SyncConflict;
  onResolved: () => void;
  onOpenCase: (caseId: string) => void;
}

/** Merge is offered only when exactly one contested field is free text: its editor starts from both texts. */
export function ConflictItem({ conflict, onResolved, onOpenCase }: ConflictItemProps) {
  const api = useDesktopApi();
  const id = useId();
  const caseName = useCaseName(conflict.entity === 'case' ? conflict.entityId : null);
  const textField = conflict.textFields.length === 1 ? conflict.textFields[0] : undefined;
  const [merging, setMerging] = useState(false);
  const [merged, setMerged] = useState(() => (textField ? mergeDraft(conflict.mine[textField], conflict.theirs[textField]) : ''));
  const { busy, error, submit, onSubmit } = useSubmit((input: ResolveConflictInput) => api['sync.resolveConflict'](input), { onSuccess: onResolved });

  return (
    <li className={styles.problem} aria-labelledby={`${id}-title`} data-testid="sync-conflict">
      <h3 id={`${id}-title`} className={styles.title}>
        {caseName ? `${entityLabel(conflict.entity)} ${caseName}` : entityLabel(conflict.entity)}
      </h3>
      <p className={styles.meta}>
        Someone else changed this on the server after you started your change, so yours was not applied. Choose which to keep.
      </p>
      <table className={styles.fields}>
        <caption className="visually-hidden">Your values and the server’s values</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Your change</th>
            <th scope="col">On the server now</th>
          </tr>
        </thead>
        <tbody>
          {conflict.fields.map((field) => (
            <tr key={field}>
              <th scope="row">{fieldLabel(field)}</th>
              <td>{fieldValue(field, conflict.mine[field])}</td>
              <td>{fieldValue(field, conflict.theirs[field])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {merging && textField ? (
        <form className={styles.merge} onSubmit={(event) => onSubmit(event, { conflictId: conflict.id, choice: 'merge', mergedText: merged })}>
          <label className="field__label" htmlFor={`${id}-merged`}>
            Merged {fieldLabel(textField).toLowerCase()}
          </label>
          <textarea
            id={`${id}-merged`}
            className="field__input field__input--text"
            rows={textField === 'body' ? 10 : 4}
            required
            maxLength={textField === 'body' ? 100_000 : 5000}
            value={merged}
            onChange={(event) => setMerged(event.target.value)}
          />
          <p className={styles.meta}>The merged text replaces yours; your other values are sent as they are.</p>
          <div className={styles.actions}>
            <button type="submit" className="button button--primary" disabled={busy}>
              Save merged text
            </button>
            <button type="button" className="button" disabled={busy} onClick={() => setMerging(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <div className={styles.actions}>
          <button type="button" className="button" aria-describedby={`${id}-title`} disabled={busy}
            onClick={() => void submit({ conflictId: conflict.id, choice: 'keep_mine' })}>
            Keep mine
          </button>
          <button type="button" className="button" aria-describedby={`${id}-title`} disabled={busy}
            onClick={() => void submit({ conflictId: conflict.id, choice: 'take_theirs' })}>
            Take theirs
          </button>
          {textField && (
            <button type="button" className="button" aria-describedby={`${id}-title`} disabled={busy} onClick={() => setMerging(true)}>
              Merge
            </button>
          )}
          {conflict.entity === 'case' && (
            <button type="button" className="button" aria-describedby={`${id}-title`} onClick={() => onOpenCase(conflict.entityId)}>
              Open case
            </button>
          )}
        </div>
      )}
      {error && (
        <p className="form-error" role="alert">
          {errorMessage(error.code)}
        </p>
      )}
    </li>
  );
}

/** "NSP-2026-0012 · Noise nuisance" for a case in the offline copy; null until known or when not there. */
function useCaseName(caseId: string | null): string | null {
  const api = useDesktopApi();
  const [name, setName] = useState<{ caseId: string; text: string } | null>(null);
  useEffect(() => {
    if (caseId === null) {
      return undefined;
    }
    let current = true;
    void api['cases.detail']({ caseId }).then((result) => {
      if (current && result.ok) {
        setName({ caseId, text: `${result.value.case.reference} · ${result.value.case.title}` });
      }
    });
    return () => {
      current = false;
    };
  }, [api, caseId]);
  return name && name.caseId === caseId ? name.text : null;
}
