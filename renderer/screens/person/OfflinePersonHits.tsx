/** The people this computer's offline copy holds that match a search. */
import type { PersonSearchResult } from '../../../domain/ipc/search-results.ts';
import { birthWords, fullName } from '../../words/person-words.ts';
import styles from './PersonSearch.module.css';

/** Each hit opens the person's profile; aliases are shown so the user sees why a hit matched. */
export function OfflinePersonHits({ result, onOpenPerson }: { result: PersonSearchResult; onOpenPerson: (personId: string) => void }) {
  if (result.hits.length === 0) {
    return <p className={styles.message}>Nobody on this computer matches.</p>;
  }
  return (
    <>
      <ul className={styles.list}>
        {result.hits.map((hit) => (
          <li key={hit.id} className={styles.item} data-testid="person-hit">
            <button type="button" className={styles.open} onClick={() => onOpenPerson(hit.id)}>
              {fullName(hit)}
            </button>
            <span className={styles.meta}>
              {birthWords(hit)}
              {hit.aliases.length > 0 && ` · also known as ${hit.aliases.map(fullName).join(', ')}`}
            </span>
          </li>
        ))}
      </ul>
      {result.truncated && <p className={styles.message}>More people match: add more of the name, or a date of birth.</p>}
    </>
  );
}
