/**
 * Find a person: this computer's offline copy first, then — when connected — the server's
 * search-and-signpost, which adds people whose records the user cannot see as stubs naming the
 * agencies involved. Offline, the screen says only this computer's copy was searched.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { errorBodyOf } from '../../api/desktop-call-error.ts';
import { useDesktopQuery } from '../../api/desktop-query.ts';
import { RetryAlert } from '../../components/RetryAlert.tsx';
import { newPersonFromSearch } from '../person-create/new-person-from-search.ts';
import { RecordPersonDialog } from '../person-create/RecordPersonDialog.tsx';
import { OfflinePersonHits } from './OfflinePersonHits.tsx';
import { OnlinePersonResults } from './OnlinePersonResults.tsx';
import { PersonSearchForm } from './PersonSearchForm.tsx';
import type { PersonSearchParams } from './person-search.ts';
import styles from './PersonSearch.module.css';

/** The shortest name the server searches (its own rule). */
const SERVER_MIN_CHARS = 2;

/** What the screen needs from its route. */
export interface PersonSearchProps {
  search: PersonSearchParams;
  onSearch: (search: PersonSearchParams) => void;
  onOpenPerson: (personId: string) => void;
}

/** The form, then what this computer holds, then what the server adds. */
export function PersonSearch({ search, onSearch, onOpenPerson }: PersonSearchProps) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const text = search.q ?? '';
  const dateOfBirth = search.dob ?? null;
  const dob = dateOfBirth === null ? {} : { dateOfBirth };
  const offline = useDesktopQuery('persons.search', { text, limit: 50, ...dob }, { enabled: text !== '' });
  const online = useDesktopQuery('persons.searchOnline', { text, ...dob }, { enabled: text.length >= SERVER_MIN_CHARS, staleTime: 0, gcTime: 0 });
  const onlineError = errorBodyOf(online.error);
  const [recording, setRecording] = useState(false);

  useEffect(() => {
    heading.current?.focus();
  }, []);

  return (
    <section className={styles.page} aria-labelledby={`${id}-title`} data-testid="person-search">
      <h1 id={`${id}-title`} ref={heading} tabIndex={-1} className={styles.title}>
        Find a person
      </h1>
      <PersonSearchForm
        key={`${text}|${dateOfBirth ?? ''}`}
        text={text}
        dateOfBirth={dateOfBirth}
        onSearch={(next) => onSearch({ q: next.text, ...(next.dateOfBirth === null ? {} : { dob: next.dateOfBirth }) })}
      />
      {text !== '' && (
        <>
          <section className={styles.group} aria-labelledby={`${id}-here`} aria-busy={offline.isFetching}>
            <h2 id={`${id}-here`} className={styles.groupTitle}>
              On this computer
            </h2>
            {offline.isError && <RetryAlert error={errorBodyOf(offline.error)!} onRetry={() => void offline.refetch()} className={styles.message} />}
            {offline.data && <OfflinePersonHits result={offline.data} onOpenPerson={onOpenPerson} />}
          </section>
          <section className={styles.group} aria-labelledby={`${id}-server`} aria-busy={online.isFetching}>
            <h2 id={`${id}-server`} className={styles.groupTitle}>
              From the server
            </h2>
            {text.length < SERVER_MIN_CHARS && <p className={styles.message}>Type at least {SERVER_MIN_CHARS} letters to search the server too.</p>}
            {online.isFetching && <p className={styles.message} role="status">Searching the server…</p>}
            {onlineError?.code === 'network_error' && (
              <p className={styles.notice} role="status" data-testid="offline-search-notice">
                Only this computer’s copy was searched: the server’s search needs a connection.
              </p>
            )}
            {onlineError && onlineError.code !== 'network_error' && <RetryAlert error={onlineError} onRetry={() => void online.refetch()} className={styles.message} />}
            {online.data && <OnlinePersonResults results={online.data.results} onOpenPerson={onOpenPerson} />}
          </section>
          <section className={styles.group} aria-labelledby={`${id}-new`}>
            <h2 id={`${id}-new`} className={styles.groupTitle}>
              Not found?
            </h2>
            <p className={styles.message}>
              <button type="button" className="button" onClick={() => setRecording(true)}>
                Record a new person
              </button>
            </p>
          </section>
        </>
      )}
      {recording && (
        <RecordPersonDialog
          start={newPersonFromSearch(text, dateOfBirth)}
          onClose={() => setRecording(false)}
          onChosen={(personId) => {
            setRecording(false);
            onOpenPerson(personId);
          }}
        />
      )}
    </section>
  );
}
