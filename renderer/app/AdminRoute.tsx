/**
 * The administration screens' route: only agency and system admins see them; anyone else is sent to
 * the queue, and an agency admin who reaches a system admin's section is sent to Users.
 */
import { Navigate, useNavigate } from '@tanstack/react-router';
import { isAdminRole } from '../../domain/policy/user-admin-policy.ts';
import { AdminAgencies } from '../screens/admin/AdminAgencies.tsx';
import { AdminAgreements } from '../screens/admin/AdminAgreements.tsx';
import { AdminCaseTypes } from '../screens/admin/AdminCaseTypes.tsx';
import { AdminDevices } from '../screens/admin/AdminDevices.tsx';
import { AdminMaracAreas } from '../screens/admin/AdminMaracAreas.tsx';
import { AdminSettings } from '../screens/admin/AdminSettings.tsx';
import { adminSectionsFor, type AdminSection } from '../screens/admin/AdminNav.tsx';
import { AdminTeams } from '../screens/admin/AdminTeams.tsx';
import { AdminUsers } from '../screens/admin/AdminUsers.tsx';
import { useWorkspace } from './workspace-context.ts';

/** One administration section at its URL (`#/admin/users`, `#/admin/teams`, `#/admin/devices`). */
export function AdminRoute({ section }: { section: AdminSection }) {
  const { user, lastQueueSearch } = useWorkspace();
  const navigate = useNavigate();
  if (!isAdminRole(user.role)) {
    return <Navigate to="/queue" replace />;
  }
  const props = {
    admin: user,
    onBack: () => void navigate({ to: '/queue', search: lastQueueSearch.current }),
    onOpen: (next: AdminSection) => void navigate({ to: `/admin/${next}` }),
  };
  if (!adminSectionsFor(user.role).includes(section)) {
    return <Navigate to="/admin/users" replace />;
  }
  switch (section) {
    case 'teams': return <AdminTeams {...props} />;
    case 'agencies': return <AdminAgencies {...props} />;
    case 'agreements': return <AdminAgreements {...props} />;
    case 'marac-areas': return <AdminMaracAreas {...props} />;
    case 'case-types': return <AdminCaseTypes {...props} />;
    case 'settings': return <AdminSettings {...props} />;
    default: break;
  }
  return section === 'devices' ? <AdminDevices {...props} /> : <AdminUsers {...props} />;
}
