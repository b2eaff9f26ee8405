/**
 * The people who may be the person being recorded: the server's likely matches (full records and
 * minimal profiles with their reasons; stubs only with name, year of birth and involved agencies), or
 * this computer's search hits when offline. Only people the user may open can be used.
 */
import type { LikelyMatch } from '../../../domain/entities/person.ts';
import type { PersonSearchResult } from '../../../domain/ipc/search-results.ts';
import styles from './RecordPersonDialog.module.css';

/** One candidate: a server match or an offline hit. */
export type Candidate = { match: LikelyMatch } | { hit: PersonSearchResult['hits'][number] };

/** "same_date_of_birth" → "same date of birth". */
const reasonWords = (reason: string): string => reason.replace(/_/g, ' ');

function describe(c: Candidate, fullOnly: boolean): { id: string; name: string; birth: string; agencies: string | null; reasons: string | null; usable: boolean } {
  if ('hit' in c) {
    const h = c.hit;
    return { id: h.id, name: `${h.givenName} ${h.familyName}`, birth: h.dateOfBirth ?? (h.estimatedBirthYear === null ? 'not known' : `about ${h.estimatedBirthYear}`), agencies: null, reasons: null, usable: true };
  }
  const reasons = c.match.reasons.map(reasonWords).join(', ');
  if (c.match.view === 'stub') {
    const p = c.match.person;
    return {
      id: p.id, name: p.displayName, birth: p.yearOfBirth === null ? 'not known' : String(p.yearOfBirth),
      agencies: p.involvedAgencies.map((a) => a.name).join(', '), reasons, usable: false,
    };
  }
  const p = c.match.person;
  const usable = !fullOnly || c.match.view === 'full';
  return { id: p.id, name: `${p.givenName} ${p.familyName}`, birth: p.dateOfBirth === null ? 'not known' : p.dateOfBirth.slice(0, 4), agencies: null, reasons, usable };
}

export interface DuplicateCandidatesProps {
  candidates: Candidate[];
  onUse: (personId: string) => void;
  /** Only records the user sees in full can be used (a minimal profile would need a reason to attach). */
  fullOnly?: boolean;
}

/** The candidates, each with "Use this person" when the user may use them. */
export function DuplicateCandidates({ candidates, onUse, fullOnly = false }: DuplicateCandidatesProps) {
  if (candidates.length === 0) {
    return <p className={styles.note}>No one on this computer resembles this person.</p>;
  }
  return (
    <ul className={styles.candidates} aria-label="People who may be the same person" data-testid="duplicate-candidates">
      {candidates.map((c) => {
        const d = describe(c, fullOnly);
        return (
          <li key={d.id} className={styles.candidate}>
            <span className={styles.name}>{d.name}</span>
            <span>Born {d.birth}</span>
            {d.agencies !== null && <span>Known to: {d.agencies === '' ? 'no agency named' : d.agencies}</span>}
            {d.reasons && <span className={styles.note}>Why: {d.reasons}</span>}
            {d.usable ? (
              <button type="button" className="button" onClick={() => onUse(d.id)} aria-label={`Use this person: ${d.name}`}>
                Use this person
              </button>
            ) : d.agencies === null ? (
              <span className={styles.note}>You see only this person’s minimal profile, so they cannot be used here.</span>
            ) : (
              <span className={styles.note}>You cannot see this record: ask the agencies named (request access from Find a person).</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
