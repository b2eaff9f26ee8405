/** The sharing dialog's choices: the level as radio buttons and, at level `shared`, the agencies, teams and people to name. */
import { useId } from 'react';
import { SHARING_LEVEL_LABELS, type SharingChoice } from '../../words/sharing-words.ts';
import type { SharingOffer } from './sharing-options.ts';
import styles from './SharingDialog.module.css';

export interface SharingChoicesProps {
  /** "this case", "this report": what the legend names. */
  what: string;
  offer: SharingOffer;
  choice: SharingChoice;
  disabled: boolean;
  onChange: (choice: SharingChoice) => void;
}

type Kind = 'agencyIds' | 'teamIds' | 'userIds';

/** Native radio buttons and checkboxes in labelled fieldsets: keyboard operable and announced as groups. */
export function SharingChoices({ what, offer, choice, disabled, onChange }: SharingChoicesProps) {
  const id = useId();
  const toggle = (kind: Kind, value: string, on: boolean) =>
    onChange({ ...choice, [kind]: on ? [...choice[kind].filter((v) => v !== value), value] : choice[kind].filter((v) => v !== value) });
  const box = (kind: Kind, value: string, label: string, extra?: string) => (
    <label key={`${kind}-${value}`} className={styles.option}>
      <input type="checkbox" checked={choice[kind].includes(value)} disabled={disabled} onChange={(e) => toggle(kind, value, e.target.checked)} />
      {label}
      {extra && <span className={styles.hint}> {extra}</span>}
    </label>
  );
  return (
    <>
      <fieldset className={styles.group}>
        <legend className={styles.legend}>Who can see {what}</legend>
        {offer.levels.map((level) => (
          <label key={level} className={styles.option}>
            <input
              type="radio"
              name={`${id}-level`}
              value={level}
              checked={choice.sharingLevel === level}
              disabled={disabled}
              onChange={() => onChange({ ...choice, sharingLevel: level })}
            />
            {SHARING_LEVEL_LABELS[level]}
          </label>
        ))}
      </fieldset>
      {choice.sharingLevel === 'shared' && (
        offer.agencies.length === 0 ? (
          <p className={styles.hint}>There is no other agency to name: your agency has no sharing agreement that fits.</p>
        ) : (
          <div className={styles.agencies}>
            {offer.agencies.map((a) => {
              const whole = choice.agencyIds.includes(a.id);
              return (
                <fieldset key={a.id} className={styles.group} data-testid={`share-agency-${a.name}`}>
                  <legend className={styles.legend}>{a.name}</legend>
                  {a.whole && box('agencyIds', a.id, 'All staff')}
                  {!whole && a.teams.length > 0 && (
                    <div className={styles.subgroup} role="group" aria-label={`Teams of ${a.name}`}>
                      {a.teams.map((t) => box('teamIds', t.id, t.name))}
                    </div>
                  )}
                  {!whole && a.users.length > 0 && (
                    <div className={styles.subgroup} role="group" aria-label={`People of ${a.name}`}>
                      {a.users.map((u) => box('userIds', u.id, u.displayName))}
                    </div>
                  )}
                </fieldset>
              );
            })}
          </div>
        )
      )}
    </>
  );
}
