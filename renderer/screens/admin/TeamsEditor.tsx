/** Moves one user between teams: a checkbox per team of the agency, saved together. */
import { useId, useState, type FormEvent } from 'react';
import type { AdminUser, Team } from '../../../domain/http/user-admin-routes.ts';
import styles from './Admin.module.css';

/** The user, the agency's teams, and what Save and Cancel do. */
export interface TeamsEditorProps {
  user: AdminUser;
  teams: readonly Team[];
  busy: boolean;
  onSave: (teamIds: string[]) => void;
  onCancel: () => void;
}

/** Starts from the user's current teams. */
export function TeamsEditor({ user, teams, busy, onSave, onCancel }: TeamsEditorProps) {
  const id = useId();
  const [teamIds, setTeamIds] = useState<string[]>(user.teamIds);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave(teamIds);
  };
  return (
    <form className={styles.form} aria-labelledby={`${id}-title`} onSubmit={submit}>
      <h2 id={`${id}-title`} className={styles.wide}>Teams of {user.displayName}</h2>
      <fieldset className={styles.choices}>
        <legend className="visually-hidden">Teams</legend>
        {teams.map((t) => (
          <label key={t.id}>
            <input
              type="checkbox" checked={teamIds.includes(t.id)}
              onChange={(e) => setTeamIds((ids) => (e.target.checked ? [...ids, t.id] : ids.filter((x) => x !== t.id)))}
            /> {t.name}
          </label>
        ))}
        {teams.length === 0 && <span className={styles.muted}>This agency has no teams yet: create one on the Teams screen.</span>}
      </fieldset>
      <div className={styles.rowActions}>
        <button type="submit" className="button button--primary" disabled={busy}>Save teams</button>
        <button type="button" className="button" onClick={onCancel} disabled={busy}>Cancel</button>
      </div>
    </form>
  );
}
