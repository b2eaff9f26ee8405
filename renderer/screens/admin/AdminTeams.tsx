/** Administration: the teams of the admin's agency, with how many people are in each, and a form to create one. */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { SessionUser } from '../../../domain/entities.ts';
import { errorBodyOf } from '../../api/desktop-call-error.ts';
import { useDesktopMutation, useDesktopQuery } from '../../api/desktop-query.ts';
import { Page } from '../../components/Page.tsx';
import { AdminAlert } from './AdminAlert.tsx';
import { AdminNav, type AdminSection } from './AdminNav.tsx';
import styles from './Admin.module.css';

/** The signed-in admin and where the navigation goes. */
export interface AdminTeamsProps {
  admin: SessionUser;
  onBack: () => void;
  onOpen: (section: AdminSection) => void;
}

/** People are moved between teams on the Users screen ("Change teams"). */
export function AdminTeams({ admin, onBack, onOpen }: AdminTeamsProps) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const client = useQueryClient();
  const teams = useDesktopQuery('admin.teams.list', {}, { staleTime: 0, gcTime: 0 });
  const create = useDesktopMutation('admin.teams.create');
  const [name, setName] = useState('');
  const [created, setCreated] = useState<string | null>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ name }, {
      onSuccess: (team) => {
        setName('');
        setCreated(`The team ${team.name} was created.`);
        void client.invalidateQueries({ queryKey: ['admin.teams.list'] });
      },
    });
  };
  const failure = errorBodyOf(teams.error);
  const createFailure = errorBodyOf(create.error);
  const loading = teams.isFetching && !teams.data;
  return (
    <Page aria-labelledby={`${id}-title`} aria-busy={loading} data-testid="admin-teams">
      <AdminNav role={admin.role} id={`${id}-title`} current="teams" headingRef={heading} onBack={onBack} onOpen={onOpen} />
      <p className={styles.intro}>The teams of {admin.agencyName}. Move people between teams from the Users screen.</p>
      <form className={styles.form} onSubmit={submit} aria-label="Create a team">
        <div className={styles.field}>
          <label className="field__label" htmlFor={`${id}-name`}>New team name</label>
          <input id={`${id}-name`} className="field__input" required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div>
          <button type="submit" className="button button--primary" disabled={create.isPending}>Create team</button>
        </div>
      </form>
      <div aria-live="polite">{created && !createFailure && <p className={styles.notice} role="status">{created}</p>}</div>
      {createFailure && <AdminAlert error={createFailure} />}
      {loading && <p className={styles.intro}>Loading…</p>}
      {failure && !loading && <AdminAlert error={failure} onRetry={() => void teams.refetch()} />}
      {teams.data && teams.data.teams.length === 0 && <p className="empty-state">No teams yet.</p>}
      {teams.data && teams.data.teams.length > 0 && (
        <table className="data-table" aria-labelledby={`${id}-title`}>
          <thead><tr><th scope="col">Team</th><th scope="col">People</th></tr></thead>
          <tbody>
            {teams.data.teams.map((t) => <tr key={t.id}><td>{t.name}</td><td>{t.memberCount}</td></tr>)}
          </tbody>
        </table>
      )}
    </Page>
  );
}
