/**
 * What the server's search-and-signpost found: people the user may see (opened from the offline
 * copy), and stubs — a name, a year of birth and the agencies involved — for people whose records
 * the user may not see, so they know whom to ask.
 */
import type { OnlinePersonSearch } from '../../../domain/ipc/person-channels.ts';
import { fullName } from '../../words/person-words.ts';
import styles from './PersonSearch.module.css';

/** Full records and profiles open the profile; a stub says which agencies to ask for access. */
export function OnlinePersonResults({ results, onOpenPerson }: { results: OnlinePersonSearch['results']; onOpenPerson: (personId: string) => void }) {
  if (results.length === 0) {
    return <p className={styles.message}>The server found nobody else.</p>;
  }
  return (
    <ul className={styles.list}>
      {results.map((result) =>
        result.view === 'stub' ? (
          <li key={result.person.id} className={styles.item} data-testid="person-stub">
            <span className={styles.stubName}>{result.person.displayName}</span>
            <span className={styles.meta}>
              {result.person.yearOfBirth === null ? 'Year of birth not known' : `Born ${result.person.yearOfBirth}`}
              {' · '}
              {result.person.involvedAgencies.length === 0
                ? 'no agency named'
                : `known to ${result.person.involvedAgencies.map((a) => a.name).join(', ')}`}
            </span>
            <span className={styles.meta}>You cannot see this person’s records. Ask an agency named here for access.</span>
          </li>
        ) : (
          <li key={result.person.id} className={styles.item} data-testid="person-server-hit">
            <button type="button" className={styles.open} onClick={() => onOpenPerson(result.person.id)}>
              {fullName(result.person)}
            </button>
            <span className={styles.meta}>{result.view === 'profile' ? 'Minimal profile: names and date of birth only' : 'Full record'}</span>
          </li>
        ),
      )}
    </ul>
  );
}
