/**
 * One stub from the server's search-and-signpost: a name, a year of birth and the agencies involved,
 * with "Request access"; once a request is sent, the stub says so and the button is no longer offered.
 */
import { useEffect, useRef, useState } from 'react';
import type { PersonStub } from '../../../domain/entities/person.ts';
import { RequestAccessDialog } from './RequestAccessDialog.tsx';
import styles from './PersonSearch.module.css';

export function PersonStubItem({ person }: { person: PersonStub }) {
  const [open, setOpen] = useState(false);
  const [sent, setSent] = useState(false);
  const sentRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    // The button that opened the dialog is gone: focus goes to what replaced it, not to the page.
    if (sent) {
      sentRef.current?.focus();
    }
  }, [sent]);
  return (
    <li className={styles.item} data-testid="person-stub">
      <span className={styles.stubName}>{person.displayName}</span>
      <span className={styles.meta}>
        {person.yearOfBirth === null ? 'Year of birth not known' : `Born ${person.yearOfBirth}`}
        {' · '}
        {person.involvedAgencies.length === 0 ? 'no agency named' : `known to ${person.involvedAgencies.map((a) => a.name).join(', ')}`}
      </span>
      <span className={styles.meta}>You cannot see this person’s records. Ask an agency named here for access.</span>
      {sent ? (
        <p ref={sentRef} className={styles.sent} role="status" tabIndex={-1}>
          Request sent to the owner agency. You will be told when they decide.
        </p>
      ) : (
        <button type="button" className="button" aria-label={`Request access to ${person.displayName}`} onClick={() => setOpen(true)}>
          Request access
        </button>
      )}
      {open && (
        <RequestAccessDialog
          target={{ resourceType: 'person', id: person.id, displayName: person.displayName, agencyNames: person.involvedAgencies.map((a) => a.name) }}
          onClose={() => setOpen(false)}
          onSent={() => {
            setOpen(false);
            setSent(true);
          }}
        />
      )}
    </li>
  );
}
