/**
 * What the server's search-and-signpost found: people the user may see (opened from the offline
 * copy), and stubs — a name, a year of birth and the agencies involved — for people whose records
 * the user may not see, so they know whom to ask, and may ask for access from here.
 */
import type { OnlinePersonSearch } from '../../../domain/ipc/person-channels.ts';
import { fullName } from '../../words/person-words.ts';
import { PersonStubItem } from './PersonStubItem.tsx';
import styles from './PersonSearch.module.css';

/** Full records and profiles open the profile; a stub says which agencies to ask, and offers to ask for access. */
export function OnlinePersonResults({ results, onOpenPerson }: { results: OnlinePersonSearch['results']; onOpenPerson: (personId: string) => void }) {
  if (results.length === 0) {
    return <p className={styles.message}>The server found nobody else.</p>;
  }
  return (
    <ul className={styles.list}>
      {results.map((result) =>
        result.view === 'stub' ? (
          <PersonStubItem key={result.person.id} person={result.person} />
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
