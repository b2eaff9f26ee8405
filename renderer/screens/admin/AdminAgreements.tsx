/**
 * Administration (system administrators): the sharing agreement matrix — which agencies each agency
 * may share its records with — shown whole, and edited one agency at a time.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import type { SessionUser } from '../../../domain/entities.ts';
import type { AdminAgency } from '../../../domain/http/agency-admin-routes.ts';
import { errorBodyOf } from '../../api/desktop-call-error.ts';
import { useDesktopQuery } from '../../api/desktop-query.ts';
import { Page } from '../../components/Page.tsx';
import { AdminAlert } from './AdminAlert.tsx';
import { AdminNav, type AdminSection } from './AdminNav.tsx';
import { AgreementEditor } from './AgreementEditor.tsx';
import styles from './Admin.module.css';

/** The signed-in system administrator and where the navigation goes. */
export interface AdminAgreementsProps {
  admin: SessionUser;
  onBack: () => void;
  onOpen: (section: AdminSection) => void;
}

/** The matrix, then the editor for the agency chosen. */
export function AdminAgreements({ admin, onBack, onOpen }: AdminAgreementsProps) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const client = useQueryClient();
  const agencies = useDesktopQuery('admin.agencies.list', null, { staleTime: 0, gcTime: 0 });
  const [chosen, setChosen] = useState<string | null>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const failure = errorBodyOf(agencies.error);
  const loading = agencies.isFetching && !agencies.data;
  const all = agencies.data?.agencies ?? [];
  const editing = all.find((a) => a.id === chosen) ?? all[0];
  return (
    <Page aria-labelledby={`${id}-title`} aria-busy={loading} data-testid="admin-agreements">
      <AdminNav role={admin.role} id={`${id}-title`} current="agreements" headingRef={heading} onBack={onBack} onOpen={onOpen} />
      <p className={styles.intro}>Each row says which agencies that agency may share its records with. An agency always sees its own records.</p>
      {loading && <p className={styles.intro}>Loading…</p>}
      {failure && !loading && <AdminAlert error={failure} onRetry={() => void agencies.refetch()} />}
      {editing && (
        <>
          <div className={styles.field}>
            <label className="field__label" htmlFor={`${id}-agency`}>Agency to change</label>
            <select id={`${id}-agency`} className="field__input" value={editing.id} onChange={(e) => setChosen(e.target.value)}>
              {all.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
            </select>
          </div>
          <AgreementEditor
            key={editing.id} agency={editing} all={all}
            onSaved={() => void client.invalidateQueries({ queryKey: ['admin.agencies.list'] })}
          />
          <AgreementMatrix agencies={all} />
        </>
      )}
    </Page>
  );
}

/** Rows share with columns: "Yes" where the row's agency may share with the column's. */
function AgreementMatrix({ agencies }: { agencies: readonly AdminAgency[] }) {
  const id = useId();
  return (
    <div className={styles.scroll} role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
      <table className="data-table" data-testid="agreement-matrix">
        <caption id={`${id}-caption`} className={styles.caption}>Who may share with whom (rows share with columns)</caption>
        <thead>
          <tr>
            <td />
            {agencies.map((a) => <th key={a.id} scope="col"><abbr title={a.name}>{a.code}</abbr><span className="visually-hidden"> {a.name}</span></th>)}
          </tr>
        </thead>
        <tbody>
          {agencies.map((row) => (
            <tr key={row.id}>
              <th scope="row">{row.name}</th>
              {agencies.map((col) => <td key={col.id}>{cellWords(row, col)}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function cellWords(row: AdminAgency, col: AdminAgency): string {
  if (row.id === col.id) {
    return 'Own';
  }
  return !row.sharingRestricted || row.partnerAgencyIds.includes(col.id) ? 'Yes' : 'No';
}
