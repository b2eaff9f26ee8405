/**
 * "Add a person" on a case's people list: a role, then a person found on this computer or recorded
 * new (with the duplicate check). Saved on this computer (the case.addSubject mutation) and sent at
 * the next sync.
 */
import { useState } from 'react';
import { newId } from '../../../domain/ids.ts';
import { SUBJECT_ROLES, type SubjectRole } from '../../../domain/vocabulary.ts';
import { useDesktopApi } from '../../api/desktop-api-context.ts';
import { useDesktopQuery } from '../../api/desktop-query.ts';
import { Field } from '../../components/Field.tsx';
import { ModalDialog } from '../../components/ModalDialog.tsx';
import { useDebouncedValue } from '../../components/use-debounced-value.ts';
import { SUBJECT_ROLE_LABELS } from '../../words/display-labels.ts';
import { errorMessage } from '../../words/error-messages.ts';
import { RecordPersonDialog } from './RecordPersonDialog.tsx';
import styles from './RecordPersonDialog.module.css';

export interface AddPersonToCaseProps {
  caseId: string;
}

/** The button, the dialog while it is open, and "Record a new person" from it. */
export function AddPersonToCase({ caseId }: AddPersonToCaseProps) {
  const api = useDesktopApi();
  const [open, setOpen] = useState<'pick' | 'record' | null>(null);
  const [role, setRole] = useState<SubjectRole>('victim');
  return (
    <>
      <button type="button" className="button" onClick={() => setOpen('pick')}>
        Add a person
      </button>
      {open === 'pick' && <PickPersonDialog caseId={caseId} role={role} onRole={setRole} onRecord={() => setOpen('record')} onClose={() => setOpen(null)} />}
      {open === 'record' && (
        <RecordPersonDialog
          onClose={() => setOpen('pick')}
          onChosen={(personId) => {
            void api['changes.submit']({ name: 'case.addSubject', args: { caseSubjectId: newId(), caseId, personId, role } }).then(() => setOpen(null));
          }}
        />
      )}
    </>
  );
}

interface PickProps {
  caseId: string;
  role: SubjectRole;
  onRole: (role: SubjectRole) => void;
  onRecord: () => void;
  onClose: () => void;
}

function PickPersonDialog({ caseId, role, onRole, onRecord, onClose }: PickProps) {
  const api = useDesktopApi();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const query = useDebouncedValue(text.trim(), 200);
  const hits = useDesktopQuery('persons.search', { text: query, limit: 20 }, { enabled: query !== '' });

  async function add(personId: string): Promise<void> {
    const result = await api['changes.submit']({ name: 'case.addSubject', args: { caseSubjectId: newId(), caseId, personId, role } });
    if (result.ok) {
      onClose();
    } else {
      setError(errorMessage(result.error.code));
    }
  }

  return (
    <ModalDialog title="Add a person to the case" onClose={onClose}>
      <div className={styles.form}>
        <Field label="Role on the case">
          <select className="field__input" value={role} onChange={(e) => onRole(e.target.value as SubjectRole)}>
            {SUBJECT_ROLES.map((r) => (
              <option key={r} value={r}>
                {SUBJECT_ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Find a person on this computer">
          <input className="field__input" type="search" autoComplete="off" value={text} onChange={(e) => setText(e.target.value)} />
        </Field>
        {hits.data && (
          <ul className={styles.candidates} aria-label="People found">
            {hits.data.hits.map((h) => (
              <li key={h.id} className={styles.candidate}>
                <span className={styles.name}>
                  {h.givenName} {h.familyName}
                </span>
                <span>Born {h.dateOfBirth ?? (h.estimatedBirthYear === null ? 'not known' : `about ${h.estimatedBirthYear}`)}</span>
                <button type="button" className="button" onClick={() => void add(h.id)} aria-label={`Add ${h.givenName} ${h.familyName}`}>
                  Add
                </button>
              </li>
            ))}
            {hits.data.hits.length === 0 && <li className={styles.note}>No one on this computer matches.</li>}
          </ul>
        )}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className={styles.actions}>
          <button type="button" className="button button--primary" onClick={onRecord}>
            Record a new person
          </button>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </div>
    </ModalDialog>
  );
}
