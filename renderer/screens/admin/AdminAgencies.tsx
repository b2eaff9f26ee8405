/** Administration (system administrators): every agency, what it shares with, and a form to add one. */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { SessionUser } from '../../../domain/entities.ts';
import type { AgencyKind } from '../../../domain/vocabulary.ts';
import { errorBodyOf } from '../../api/desktop-call-error.ts';
import { useDesktopMutation, useDesktopQuery } from '../../api/desktop-query.ts';
import { Page } from '../../components/Page.tsx';
import { AdminAlert } from './AdminAlert.tsx';
import { AdminNav, type AdminSection } from './AdminNav.tsx';
import { AGENCY_KIND_CHOICES, agencyKindWords } from './admin-words.ts';
import { partnersInWords } from './agreement-words.ts';
import styles from './Admin.module.css';

/** The signed-in system administrator and where the navigation goes. */
export interface AdminAgenciesProps {
  admin: SessionUser;
  onBack: () => void;
  onOpen: (section: AdminSection) => void;
}

/** A new agency shares with nobody until its agreements are set on the "Sharing agreements" screen. */
export function AdminAgencies({ admin, onBack, onOpen }: AdminAgenciesProps) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const client = useQueryClient();
  const agencies = useDesktopQuery('admin.agencies.list', null, { staleTime: 0, gcTime: 0 });
  const create = useDesktopMutation('admin.agencies.create');
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  const [kind, setKind] = useState<AgencyKind>('council');
  const [created, setCreated] = useState<string | null>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ name, code, kind }, {
      onSuccess: (agency) => {
        setName('');
        setCode('');
        setCreated(`${agency.name} (${agency.code}) was added. It shares with nobody until you set its sharing agreements.`);
        void client.invalidateQueries({ queryKey: ['admin.agencies.list'] });
      },
    });
  };
  const failure = errorBodyOf(agencies.error);
  const createFailure = errorBodyOf(create.error);
  const loading = agencies.isFetching && !agencies.data;
  const all = agencies.data?.agencies ?? [];
  return (
    <Page aria-labelledby={`${id}-title`} aria-busy={loading} data-testid="admin-agencies">
      <AdminNav role={admin.role} id={`${id}-title`} current="agencies" headingRef={heading} onBack={onBack} onOpen={onOpen} />
      <p className={styles.intro}>The organisations that take part. Who each may share with is set on the Sharing agreements screen.</p>
      <form className={styles.form} onSubmit={submit} aria-label="Add an agency">
        <div className={styles.field}>
          <label className="field__label" htmlFor={`${id}-name`}>Name</label>
          <input id={`${id}-name`} className="field__input" required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <div className={styles.field}>
          <label className="field__label" htmlFor={`${id}-code`}>Code</label>
          <input
            id={`${id}-code`} className="field__input" required maxLength={16} value={code} aria-describedby={`${id}-code-hint`}
            onChange={(e) => setCode(e.target.value)}
          />
          <span id={`${id}-code-hint`} className={styles.muted}>2 to 16 capital letters or digits, such as NSP</span>
        </div>
        <div className={styles.field}>
          <label className="field__label" htmlFor={`${id}-kind`}>Kind</label>
          <select id={`${id}-kind`} className="field__input" value={kind} onChange={(e) => setKind(e.target.value as AgencyKind)}>
            {AGENCY_KIND_CHOICES.map((k) => <option key={k} value={k}>{agencyKindWords(k)}</option>)}
          </select>
        </div>
        <div>
          <button type="submit" className="button button--primary" disabled={create.isPending}>Add agency</button>
        </div>
      </form>
      <div aria-live="polite">{created && !createFailure && <p className={styles.notice} role="status">{created}</p>}</div>
      {createFailure && <AdminAlert error={createFailure} />}
      {loading && <p className={styles.intro}>Loading…</p>}
      {failure && !loading && <AdminAlert error={failure} onRetry={() => void agencies.refetch()} />}
      {all.length > 0 && (
        <table className="data-table" aria-labelledby={`${id}-title`}>
          <thead>
            <tr><th scope="col">Agency</th><th scope="col">Code</th><th scope="col">Kind</th><th scope="col">Accounts</th><th scope="col">May share with</th></tr>
          </thead>
          <tbody>
            {all.map((a) => (
              <tr key={a.id}>
                <th scope="row">{a.name}</th>
                <td>{a.code}</td>
                <td>{agencyKindWords(a.kind)}</td>
                <td>{a.userCount}</td>
                <td>{partnersInWords(a, all)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Page>
  );
}
