/** "Take off the case" beside a person on a case (owner agency only): the case.removeSubject mutation, sent at the next sync. */
import { useState } from 'react';
import type { SubjectRole } from '../../../domain/vocabulary.ts';
import { useDesktopApi } from '../../api/desktop-api-context.ts';
import { errorMessage } from '../../words/error-messages.ts';

export interface RemoveSubjectButtonProps {
  caseId: string;
  personId: string;
  role: SubjectRole;
  /** The person's name, for the button's accessible name. */
  name: string;
}

export function RemoveSubjectButton({ caseId, personId, role, name }: RemoveSubjectButtonProps) {
  const api = useDesktopApi();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        className="button"
        aria-label={`Take off the case: ${name}`}
        onClick={() => {
          void api['changes.submit']({ name: 'case.removeSubject', args: { caseId, personId, role } }).then((r) => setError(r.ok ? null : errorMessage(r.error.code)));
        }}
      >
        Take off the case
      </button>
      {error && (
        <span className="form-error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}
