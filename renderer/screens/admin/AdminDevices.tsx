/** Administration: the computers registered by the agency's users, and revoking one (it wipes its local data). */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import type { SessionUser } from '../../../domain/entities.ts';
import type { Device } from '../../../domain/http/admin-routes.ts';
import { errorBodyOf } from '../../api/desktop-call-error.ts';
import { useDesktopMutation, useDesktopQuery } from '../../api/desktop-query.ts';
import { Page } from '../../components/Page.tsx';
import { formatDateTime } from '../../words/format-date-time.ts';
import { AdminAlert } from './AdminAlert.tsx';
import { AdminNav, type AdminSection } from './AdminNav.tsx';
import styles from './Admin.module.css';

/** The signed-in admin and where the navigation goes. */
export interface AdminDevicesProps {
  admin: SessionUser;
  onBack: () => void;
  onOpen: (section: AdminSection) => void;
}

/** Each device with its owner's name; "Revoke" asks once more before it ends the device's sessions. */
export function AdminDevices({ admin, onBack, onOpen }: AdminDevicesProps) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const client = useQueryClient();
  const devices = useDesktopQuery('admin.devices.list', null, { staleTime: 0, gcTime: 0 });
  const users = useDesktopQuery('admin.users.list', {}, { staleTime: 0, gcTime: 0 });
  const revoke = useDesktopMutation('admin.devices.revoke');
  const [confirming, setConfirming] = useState<Device | null>(null);
  const [done, setDone] = useState<string | null>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const owner = (userId: string) => users.data?.users.find((u) => u.id === userId)?.displayName ?? (userId === admin.id ? admin.displayName : 'Unknown user');
  const confirm = (device: Device) => revoke.mutate({ deviceId: device.id }, {
    onSuccess: () => {
      setConfirming(null);
      setDone(`${device.name} (${owner(device.userId)}) is revoked: it wipes its local data the next time it connects.`);
      void client.invalidateQueries({ queryKey: ['admin.devices.list'] });
    },
  });
  const failure = errorBodyOf(devices.error);
  const revokeFailure = errorBodyOf(revoke.error);
  const loading = devices.isFetching && !devices.data;
  return (
    <Page aria-labelledby={`${id}-title`} aria-busy={loading} data-testid="admin-devices">
      <AdminNav role={admin.role} id={`${id}-title`} current="devices" headingRef={heading} onBack={onBack} onOpen={onOpen} />
      <p className={styles.intro}>Computers where people of {admin.agencyName} have signed in. Revoke one that is lost or no longer used.</p>
      <div aria-live="polite">{done && <p className={styles.notice} role="status">{done}</p>}</div>
      {revokeFailure && <AdminAlert error={revokeFailure} />}
      {confirming && (
        <div className={styles.notice} role="group" aria-labelledby={`${id}-confirm`}>
          <p id={`${id}-confirm`}>Revoke {confirming.name} of {owner(confirming.userId)}? Its sessions end and its local copy is wiped when it next connects.</p>
          <div className={styles.rowActions}>
            <button type="button" className="button button--primary" disabled={revoke.isPending} onClick={() => confirm(confirming)}>Revoke device</button>
            <button type="button" className="button" onClick={() => setConfirming(null)}>Cancel</button>
          </div>
        </div>
      )}
      {loading && <p className={styles.intro}>Loading…</p>}
      {failure && !loading && <AdminAlert error={failure} onRetry={() => void devices.refetch()} />}
      {devices.data && devices.data.devices.length === 0 && <p className="empty-state">No devices registered.</p>}
      {devices.data && devices.data.devices.length > 0 && (
        <table className="data-table" aria-labelledby={`${id}-title`}>
          <thead>
            <tr><th scope="col">Device</th><th scope="col">Person</th><th scope="col">Registered</th><th scope="col">Last seen</th><th scope="col">State</th><th scope="col">Actions</th></tr>
          </thead>
          <tbody>
            {devices.data.devices.map((d) => (
              <tr key={d.id}>
                <td>{d.name}</td>
                <td>{owner(d.userId)}</td>
                <td>{formatDateTime(d.registeredAt)}</td>
                <td>{d.lastSeenAt === null ? 'Never' : formatDateTime(d.lastSeenAt)}</td>
                <td>{d.revokedAt === null ? 'Active' : `Revoked ${formatDateTime(d.revokedAt)}`}</td>
                <td>
                  {d.revokedAt === null && (
                    <button type="button" className="button" aria-label={`Revoke ${d.name} of ${owner(d.userId)}`} onClick={() => setConfirming(d)}>Revoke</button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Page>
  );
}
