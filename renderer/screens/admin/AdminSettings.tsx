/**
 * Administration (system administrators): the system settings (docs/decisions.md). Today one: how
 * many days a task may be overdue before it escalates; desktops use a change after their next sync.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { SessionUser } from '../../../domain/entities.ts';
import { errorBodyOf } from '../../api/desktop-call-error.ts';
import { useDesktopMutation, useDesktopQuery } from '../../api/desktop-query.ts';
import { Page } from '../../components/Page.tsx';
import { AdminAlert } from './AdminAlert.tsx';
import { AdminNav, type AdminSection } from './AdminNav.tsx';
import styles from './Admin.module.css';

/** The signed-in system administrator and where the navigation goes. */
export interface AdminSettingsProps {
  admin: SessionUser;
  onBack: () => void;
  onOpen: (section: AdminSection) => void;
}

/** The escalation days, read from the server and saved back. */
export function AdminSettings({ admin, onBack, onOpen }: AdminSettingsProps) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const settings = useDesktopQuery('admin.settings.get', null, { staleTime: 0, gcTime: 0 });
  const save = useDesktopMutation('admin.settings.setEscalationDays');
  const [days, setDays] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const current = settings.data?.taskEscalationDays;
  useEffect(() => {
    if (current !== undefined) {
      setDays(String(current));
    }
  }, [current]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    save.mutate({ days: Number(days) }, {
      onSuccess: (saved) => setNotice(`Saved. Tasks overdue by more than ${saved.taskEscalationDays} ${saved.taskEscalationDays === 1 ? 'day' : 'days'} escalate; desktops use this after their next sync.`),
    });
  };
  const failure = errorBodyOf(settings.error);
  const saveFailure = errorBodyOf(save.error);
  const loading = settings.isFetching && !settings.data;
  return (
    <Page aria-labelledby={`${id}-title`} aria-busy={loading} data-testid="admin-settings">
      <AdminNav role={admin.role} id={`${id}-title`} current="settings" headingRef={heading} onBack={onBack} onOpen={onOpen} />
      <p className={styles.intro}>Settings that apply to every agency.</p>
      {loading && <p className={styles.intro}>Loading…</p>}
      {failure && !loading && <AdminAlert error={failure} onRetry={() => void settings.refetch()} />}
      {settings.data && (
        <form className={styles.form} noValidate onSubmit={submit} aria-label="Task escalation">
          <div className={styles.field}>
            <label className="field__label" htmlFor={`${id}-days`}>Days a task may be overdue before it escalates</label>
            <input
              id={`${id}-days`} className="field__input" type="number" inputMode="numeric" min={1} max={30} step={1} required
              aria-describedby={`${id}-days-hint`} value={days} onChange={(e) => setDays(e.target.value)}
            />
            <span id={`${id}-days-hint`} className={styles.muted}>1 to 30. An escalated task is shown to the assignee team&apos;s manager and the case owner.</span>
          </div>
          <div>
            <button type="submit" className="button button--primary" disabled={save.isPending}>Save</button>
          </div>
        </form>
      )}
      <div aria-live="polite">{notice && !saveFailure && <p className={styles.notice} role="status">{notice}</p>}</div>
      {saveFailure && <AdminAlert error={saveFailure} />}
    </Page>
  );
}
