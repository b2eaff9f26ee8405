/**
 * Administration (system administrators): the case types (docs/decisions.md, "Case types are data").
 * Add one by its name, rename one, retire one (its cases keep it) or bring it back; every desktop
 * gets the change at its next sync.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { SessionUser } from '../../../domain/entities.ts';
import { errorBodyOf } from '../../api/desktop-call-error.ts';
import { useDesktopMutation, useDesktopQuery } from '../../api/desktop-query.ts';
import { Page } from '../../components/Page.tsx';
import { AdminAlert } from './AdminAlert.tsx';
import { AdminNav, type AdminSection } from './AdminNav.tsx';
import { CaseTypeRow } from './CaseTypeRow.tsx';
import styles from './Admin.module.css';

/** The signed-in system administrator and where the navigation goes. */
export interface AdminCaseTypesProps {
  admin: SessionUser;
  onBack: () => void;
  onOpen: (section: AdminSection) => void;
}

/** The list of case types with a form to add one. */
export function AdminCaseTypes({ admin, onBack, onOpen }: AdminCaseTypesProps) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const client = useQueryClient();
  const types = useDesktopQuery('admin.caseTypes.list', null, { staleTime: 0, gcTime: 0 });
  const create = useDesktopMutation('admin.caseTypes.create');
  const [label, setLabel] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const changed = (message: string) => {
    setNotice(message);
    void client.invalidateQueries({ queryKey: ['admin.caseTypes.list'] });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    create.mutate({ label }, {
      onSuccess: (type) => {
        setLabel('');
        changed(`${type.label} was added. Desktops offer it for new cases after their next sync.`);
      },
    });
  };
  const failure = errorBodyOf(types.error);
  const createFailure = errorBodyOf(create.error);
  const loading = types.isFetching && !types.data;
  const all = types.data?.caseTypes ?? [];
  return (
    <Page aria-labelledby={`${id}-title`} aria-busy={loading} data-testid="admin-case-types">
      <AdminNav role={admin.role} id={`${id}-title`} current="case-types" headingRef={heading} onBack={onBack} onOpen={onOpen} />
      <p className={styles.intro}>The kinds of case practitioners open. A retired type is no longer offered for new cases; cases that have it keep it.</p>
      <form className={styles.form} onSubmit={submit} aria-label="Add a case type">
        <div className={styles.field}>
          <label className="field__label" htmlFor={`${id}-label`}>Name</label>
          <input id={`${id}-label`} className="field__input" required maxLength={80} value={label} onChange={(e) => setLabel(e.target.value)} />
        </div>
        <div>
          <button type="submit" className="button button--primary" disabled={create.isPending}>Add case type</button>
        </div>
      </form>
      <div aria-live="polite">{notice && <p className={styles.notice} role="status">{notice}</p>}</div>
      {createFailure && <AdminAlert error={createFailure} />}
      {loading && <p className={styles.intro}>Loading…</p>}
      {failure && !loading && <AdminAlert error={failure} onRetry={() => void types.refetch()} />}
      {all.length > 0 && (
        <table className="data-table" aria-labelledby={`${id}-title`}>
          <thead>
            <tr><th scope="col">Case type</th><th scope="col">Code</th><th scope="col">Status</th><th scope="col">Cases</th><th scope="col">Actions</th></tr>
          </thead>
          <tbody>
            {all.map((t) => <CaseTypeRow key={`${t.code}-${t.label}-${String(t.active)}`} type={t} onChanged={changed} />)}
          </tbody>
        </table>
      )}
    </Page>
  );
}
