/** Administration: the user accounts of the admin's agency. Read from and written to the server (online only). */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import type { SessionUser } from '../../../domain/entities.ts';
import type { ErrorBody } from '../../../domain/errors.ts';
import type { AdminUser } from '../../../domain/http/user-admin-routes.ts';
import { errorBodyOf } from '../../api/desktop-call-error.ts';
import { callChannel, useDesktopQuery } from '../../api/desktop-query.ts';
import { useDesktopApi } from '../../api/desktop-api-context.ts';
import { Page } from '../../components/Page.tsx';
import { AdminAlert } from './AdminAlert.tsx';
import { AdminNav, type AdminSection } from './AdminNav.tsx';
import { CreateUserForm } from './CreateUserForm.tsx';
import { TeamsEditor } from './TeamsEditor.tsx';
import { UserActions, type UserAction } from './UserActions.tsx';
import { accountState, roleWords } from './admin-words.ts';
import styles from './Admin.module.css';

/** The signed-in admin and where the navigation goes. */
export interface AdminUsersProps {
  admin: SessionUser;
  onBack: () => void;
  onOpen: (section: AdminSection) => void;
}

/** What the last action said: a temporary password to hand over once, a confirmation, or a refusal. */
type Outcome = { kind: 'password'; name: string; password: string } | { kind: 'done'; text: string } | { kind: 'error'; error: ErrorBody };

/** The list, the create form, and each row's actions; a temporary password is shown once, then gone. */
export function AdminUsers({ admin, onBack, onOpen }: AdminUsersProps) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const api = useDesktopApi();
  const client = useQueryClient();
  const users = useDesktopQuery('admin.users.list', {}, { staleTime: 0, gcTime: 0 });
  const teams = useDesktopQuery('admin.teams.list', {}, { staleTime: 0, gcTime: 0 });
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [editing, setEditing] = useState<AdminUser | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    heading.current?.focus();
  }, []);

  const refresh = () => Promise.all([client.invalidateQueries({ queryKey: ['admin.users.list'] }), client.invalidateQueries({ queryKey: ['admin.teams.list'] })]);
  const run = async (what: () => Promise<Outcome>) => {
    setBusy(true);
    try {
      setOutcome(await what());
    } catch (error) {
      setOutcome({ kind: 'error', error: errorBodyOf(error) ?? { code: 'internal_error', message: '' } });
    } finally {
      setBusy(false);
      await refresh();
    }
  };
  const onAction = (action: UserAction, user: AdminUser) => {
    if (action === 'teams') {
      setEditing(user);
      return;
    }
    void run(async () => {
      if (action === 'resetPassword') {
        const answer = await callChannel(api, 'admin.users.resetPassword', { userId: user.id });
        return { kind: 'password', name: user.displayName, password: answer.temporaryPassword ?? '' };
      }
      if (action === 'resetTotp') {
        await callChannel(api, 'admin.users.resetTotp', { userId: user.id });
        return { kind: 'done', text: `Two-step sign-in was reset for ${user.displayName}: they set up an authenticator app again.` };
      }
      await callChannel(api, action === 'disable' ? 'admin.users.disable' : 'admin.users.enable', { userId: user.id });
      return { kind: 'done', text: action === 'disable' ? `${user.displayName} is disabled and signed out everywhere.` : `${user.displayName} can sign in again.` };
    });
  };
  const saveTeams = (user: AdminUser, teamIds: string[]) => void run(async () => {
    await callChannel(api, 'admin.users.setTeams', { userId: user.id, teamIds });
    setEditing(null);
    return { kind: 'done', text: `The teams of ${user.displayName} were saved.` };
  });

  const teamName = (teamId: string) => teams.data?.teams.find((t) => t.id === teamId)?.name ?? 'Unknown team';
  const failure = errorBodyOf(users.error) ?? errorBodyOf(teams.error);
  const loading = users.isFetching && !users.data;
  return (
    <Page aria-labelledby={`${id}-title`} aria-busy={loading} data-testid="admin-users">
      <AdminNav role={admin.role} id={`${id}-title`} current="users" headingRef={heading} onBack={onBack} onOpen={onOpen} />
      <p className={styles.intro}>The accounts of {admin.agencyName}. Changes take effect at once; every change is audited.</p>
      <div aria-live="polite">
        {outcome?.kind === 'password' && (
          <div className={styles.notice} role="status">
            <p>Temporary password for {outcome.name} (shown only once; give it to them in person):</p>
            <p className={styles.secret} data-testid="temporary-password">{outcome.password}</p>
            <p className={styles.muted}>They must choose their own password when they first sign in with it.</p>
          </div>
        )}
        {outcome?.kind === 'done' && <p className={styles.notice} role="status">{outcome.text}</p>}
      </div>
      {outcome?.kind === 'error' && <AdminAlert error={outcome.error} />}
      {loading && <p className={styles.intro}>Loading…</p>}
      {failure && !loading && <AdminAlert error={failure} onRetry={() => void refresh()} />}
      {teams.data && (
        <CreateUserForm
          admin={admin} teams={teams.data.teams}
          onCreated={(user, password) => {
            setOutcome(password === undefined
              ? { kind: 'done', text: `${user.displayName} was created; they must choose their own password at the first sign-in.` }
              : { kind: 'password', name: user.displayName, password });
            void refresh();
          }}
        />
      )}
      {editing && teams.data && (
        <TeamsEditor key={editing.id} user={editing} teams={teams.data.teams} busy={busy} onSave={(ids) => saveTeams(editing, ids)} onCancel={() => setEditing(null)} />
      )}
      {users.data && (
        <table className="data-table" aria-labelledby={`${id}-title`}>
          <thead>
            <tr><th scope="col">Name</th><th scope="col">Username</th><th scope="col">Role</th><th scope="col">Teams</th><th scope="col">State</th><th scope="col">Actions</th></tr>
          </thead>
          <tbody>
            {users.data.users.map((u) => (
              <tr key={u.id}>
                <td>{u.displayName}</td>
                <td>{u.username}</td>
                <td>{roleWords(u.role)}</td>
                <td>{u.teamIds.length === 0 ? <span className={styles.muted}>None</span> : u.teamIds.map(teamName).join(', ')}</td>
                <td>{accountState(u)}</td>
                <td><UserActions user={u} self={u.id === admin.id} busy={busy} onAction={onAction} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Page>
  );
}
