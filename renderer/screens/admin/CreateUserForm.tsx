/** The form that creates a user account: name, username, role, teams, and a generated or chosen first password. */
import { useId, useState, type FormEvent } from 'react';
import type { SessionUser } from '../../../domain/entities.ts';
import type { AdminUser, Team } from '../../../domain/http/user-admin-routes.ts';
import { roleRank } from '../../../domain/policy/user-admin-policy.ts';
import { ROLES, type Role } from '../../../domain/vocabulary.ts';
import { errorBodyOf } from '../../api/desktop-call-error.ts';
import { useDesktopMutation } from '../../api/desktop-query.ts';
import { classNames } from '../../components/class-names.ts';
import { AdminAlert } from './AdminAlert.tsx';
import { roleWords } from './admin-words.ts';
import styles from './Admin.module.css';

/** Who is creating (their role bounds the roles offered), the agency's teams, and what happens after. */
export interface CreateUserFormProps {
  admin: SessionUser;
  teams: readonly Team[];
  onCreated: (user: AdminUser, temporaryPassword: string | undefined) => void;
}

/** Roles offered: never above the admin's own (the server refuses those anyway). */
function grantableRoles(admin: SessionUser): Role[] {
  return ROLES.filter((r) => roleRank(r) <= roleRank(admin.role));
}

/** A new account; the user must choose their own password at the first sign-in either way. */
export function CreateUserForm({ admin, teams, onCreated }: CreateUserFormProps) {
  const id = useId();
  const [displayName, setDisplayName] = useState('');
  const [username, setUsername] = useState('');
  const [role, setRole] = useState<Role>('practitioner');
  const [teamIds, setTeamIds] = useState<string[]>([]);
  const [own, setOwn] = useState(false);
  const [password, setPassword] = useState('');
  const create = useDesktopMutation('admin.users.create');
  const failure = errorBodyOf(create.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ username, displayName, role, teamIds, ...(own ? { password } : {}) }, {
      onSuccess: (answer) => {
        setDisplayName('');
        setUsername('');
        setPassword('');
        setTeamIds([]);
        onCreated(answer.user, answer.temporaryPassword);
      },
    });
  };
  const toggleTeam = (teamId: string, on: boolean) => setTeamIds((ids) => (on ? [...ids, teamId] : ids.filter((t) => t !== teamId)));

  return (
    <form className={styles.form} aria-labelledby={`${id}-title`} onSubmit={submit}>
      <h2 id={`${id}-title`} className={styles.wide}>
        Create a user
      </h2>
      <div className={styles.field}>
        <label className="field__label" htmlFor={`${id}-name`}>Full name</label>
        <input id={`${id}-name`} className="field__input" required maxLength={100} value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
      </div>
      <div className={styles.field}>
        <label className="field__label" htmlFor={`${id}-username`}>Username</label>
        <input
          id={`${id}-username`} className="field__input" required minLength={3} maxLength={64} autoComplete="off"
          aria-describedby={`${id}-username-hint`} value={username} onChange={(e) => setUsername(e.target.value)}
        />
        <span id={`${id}-username-hint`} className={styles.muted}>Letters, digits, dots, hyphens or underscores, e.g. jo.bloggs</span>
      </div>
      <div className={styles.field}>
        <label className="field__label" htmlFor={`${id}-role`}>Role</label>
        <select id={`${id}-role`} className="field__input" value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {grantableRoles(admin).map((r) => <option key={r} value={r}>{roleWords(r)}</option>)}
        </select>
      </div>
      {teams.length > 0 && (
        <fieldset className={classNames(styles.choices, styles.wide)}>
          <legend className="field__label">Teams</legend>
          {teams.map((t) => (
            <label key={t.id}>
              <input type="checkbox" checked={teamIds.includes(t.id)} onChange={(e) => toggleTeam(t.id, e.target.checked)} /> {t.name}
            </label>
          ))}
        </fieldset>
      )}
      <fieldset className={classNames(styles.choices, styles.wide)}>
        <legend className="field__label">First password</legend>
        <label>
          <input type="radio" name={`${id}-pw`} checked={!own} onChange={() => setOwn(false)} /> Generate a temporary password (shown once)
        </label>
        <label>
          <input type="radio" name={`${id}-pw`} checked={own} onChange={() => setOwn(true)} /> Set a first password
        </label>
      </fieldset>
      {own && (
        <div className={styles.field}>
          <label className="field__label" htmlFor={`${id}-password`}>First password (at least 12 characters)</label>
          <input
            id={`${id}-password`} className="field__input" type="password" autoComplete="new-password" required minLength={12} maxLength={512}
            value={password} onChange={(e) => setPassword(e.target.value)}
          />
        </div>
      )}
      <div>
        <button type="submit" className="button button--primary" disabled={create.isPending}>
          Create user
        </button>
      </div>
      {failure && <div className={styles.wide}><AdminAlert error={failure} /></div>}
    </form>
  );
}
