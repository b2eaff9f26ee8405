/**
 * Administration (system administrators): the MARAC areas, each with its coordinating agency and
 * escalation rule; add one, or change one's name, coordinating agency or rule (docs/marac.md).
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import type { SessionUser } from '../../../domain/entities.ts';
import type { MaracAreaRecord } from '../../../domain/entities/marac-referral.ts';
import type { MaracAreaBody } from '../../../domain/http/marac-area-admin-routes.ts';
import { errorBodyOf } from '../../api/desktop-call-error.ts';
import { useDesktopMutation, useDesktopQuery } from '../../api/desktop-query.ts';
import { Page } from '../../components/Page.tsx';
import { AdminAlert } from './AdminAlert.tsx';
import { AdminNav, type AdminSection } from './AdminNav.tsx';
import { MaracAreaForm } from './MaracAreaForm.tsx';
import styles from './Admin.module.css';

/** The signed-in system administrator and where the navigation goes. */
export interface AdminMaracAreasProps {
  admin: SessionUser;
  onBack: () => void;
  onOpen: (section: AdminSection) => void;
}

const NEW_AREA: MaracAreaBody = { name: '', coordinatorAgencyId: '', escalationIncidents: 3, escalationMonths: 12 };
const bodyOf = (a: MaracAreaRecord): MaracAreaBody => ({
  name: a.name, coordinatorAgencyId: a.coordinatorAgency.id, escalationIncidents: a.escalationIncidents, escalationMonths: a.escalationMonths,
});

/** The add form, then the table; "Change" opens a row's form in place of the add form. */
export function AdminMaracAreas({ admin, onBack, onOpen }: AdminMaracAreasProps) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const editName = useRef<HTMLInputElement>(null);
  const client = useQueryClient();
  const areas = useDesktopQuery('marac.areas', null, { staleTime: 0, gcTime: 0 });
  const agencies = useDesktopQuery('admin.agencies.list', null, { staleTime: 0, gcTime: 0 });
  const create = useDesktopMutation('admin.maracAreas.create');
  const update = useDesktopMutation('admin.maracAreas.update');
  const [editing, setEditing] = useState<MaracAreaRecord | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [addKey, setAddKey] = useState(0);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  useEffect(() => {
    if (editing) {
      editName.current?.focus();
    }
  }, [editing]);
  const saved = (area: MaracAreaRecord, words: string) => {
    setDone(`${area.name}: ${words} Coordinated by ${area.coordinatorAgency.name}; escalation at ${area.escalationIncidents} incidents in ${area.escalationMonths} months.`);
    void client.invalidateQueries({ queryKey: ['marac.areas'] });
  };
  const add = (body: MaracAreaBody) => create.mutate(body, { onSuccess: (area) => { setAddKey((k) => k + 1); saved(area, 'added.'); } });
  const change = (areaId: string, body: MaracAreaBody) => update.mutate({ ...body, areaId }, {
    onSuccess: (area) => { setEditing(null); saved(area, 'saved. The change applies to the next referral.'); heading.current?.focus(); },
  });
  const failure = errorBodyOf(areas.error) ?? errorBodyOf(agencies.error);
  const saveFailure = errorBodyOf(editing ? update.error : create.error);
  const loading = (areas.isFetching && !areas.data) || (agencies.isFetching && !agencies.data);
  const agencyChoices = agencies.data?.agencies ?? [];
  const all = areas.data?.areas ?? [];
  return (
    <Page aria-labelledby={`${id}-title`} aria-busy={loading} data-testid="admin-marac-areas">
      <AdminNav role={admin.role} id={`${id}-title`} current="marac-areas" headingRef={heading} onBack={onBack} onOpen={onOpen} />
      <p className={styles.intro}>
        Each MARAC area&apos;s coordinating agency runs its meetings and receives a share of every referral&apos;s case. A change applies to
        the next referral; cases already shared stay shared.
      </p>
      {editing
        ? <MaracAreaForm key={editing.id} label={`Change ${editing.name}`} submitLabel="Save area" initial={bodyOf(editing)} agencies={agencyChoices}
            busy={update.isPending} onSave={(body) => change(editing.id, body)} onCancel={() => setEditing(null)} firstFieldRef={editName} />
        : <MaracAreaForm key={`new-${addKey}`} label="Add a MARAC area" submitLabel="Add area" initial={NEW_AREA} agencies={agencyChoices}
            busy={create.isPending} onSave={add} />}
      <div aria-live="polite">{done && !saveFailure && <p className={styles.notice} role="status">{done}</p>}</div>
      {saveFailure && <AdminAlert error={saveFailure} />}
      {loading && <p className={styles.intro}>Loading…</p>}
      {failure && !loading && <AdminAlert error={failure} onRetry={() => { void areas.refetch(); void agencies.refetch(); }} />}
      {all.length > 0 && (
        <table className="data-table" aria-labelledby={`${id}-title`}>
          <thead>
            <tr><th scope="col">Area</th><th scope="col">Coordinating agency</th><th scope="col">Potential escalation</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr>
          </thead>
          <tbody>
            {all.map((a) => (
              <tr key={a.id}>
                <th scope="row">{a.name}</th>
                <td>{a.coordinatorAgency.name}</td>
                <td>{a.escalationIncidents} incidents in {a.escalationMonths} months</td>
                <td><button type="button" className="button" aria-label={`Change ${a.name}`} onClick={() => { setDone(null); setEditing(a); }}>Change</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Page>
  );
}
