import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../vocabulary.ts';
import { mayAdministerAgency, mayDisableUser, mayGrantRole, mayManageUser, roleRank, type AdminActor, type AdminTarget } from './user-admin-policy.ts';

const actor = (role: Role, agencyId = 'housing', id = 'admin-1'): AdminActor => ({ id, agencyId, role });
const target = (overrides: Partial<AdminTarget> = {}): AdminTarget => ({ id: 'user-1', agencyId: 'housing', role: 'practitioner', disabled: false, ...overrides });
const roles = fc.constantFrom(...ROLES);
const agencies = fc.constantFrom('housing', 'police', 'council');

describe('user administration policy', () => {
  it('orders roles: system admin above agency admin above every other role', () => {
    expect(roleRank('system_admin')).toBeGreaterThan(roleRank('agency_admin'));
    for (const role of ROLES.filter((r) => r !== 'system_admin' && r !== 'agency_admin')) {
      expect(roleRank('agency_admin')).toBeGreaterThan(roleRank(role));
    }
  });

  it('never lets anyone grant a role above their own, in any agency (property)', () => {
    fc.assert(fc.property(roles, agencies, roles, agencies, (actorRole, actorAgency, granted, agency) => {
      const decision = mayGrantRole(actor(actorRole, actorAgency), agency, granted);
      if (decision.ok) {
        expect(roleRank(granted)).toBeLessThanOrEqual(roleRank(actorRole));
        expect(roleRank(actorRole)).toBeGreaterThanOrEqual(2);
      }
    }));
  });

  it('keeps an agency admin inside their own agency for every action (property)', () => {
    fc.assert(fc.property(agencies, agencies, roles, fc.boolean(), fc.nat(3), (own, other, role, disabled, admins) => {
      const admin = actor('agency_admin', own);
      const user = target({ agencyId: other, role, disabled });
      const decisions = [mayAdministerAgency(admin, other), mayGrantRole(admin, other, role), mayManageUser(admin, user), mayDisableUser(admin, user, admins)];
      if (own !== other) {
        for (const d of decisions) {
          expect(d).toEqual({ ok: false, code: 'authorization_error', message: 'You can only manage users and teams of your own agency.' });
        }
      }
    }));
  });

  it('refuses every non-admin role outright', () => {
    for (const role of ROLES.filter((r) => roleRank(r) < 2)) {
      expect(mayAdministerAgency(actor(role), 'housing').ok).toBe(false);
      expect(mayManageUser(actor(role), target()).ok).toBe(false);
    }
  });

  it('lets an agency admin grant agency admin but not system admin, and not manage a system admin', () => {
    expect(mayGrantRole(actor('agency_admin'), 'housing', 'agency_admin')).toEqual({ ok: true });
    expect(mayGrantRole(actor('agency_admin'), 'housing', 'system_admin')).toMatchObject({ ok: false, code: 'authorization_error' });
    expect(mayManageUser(actor('agency_admin'), target({ role: 'system_admin' }))).toMatchObject({ ok: false, code: 'authorization_error' });
  });

  it('lets a system admin manage any agency', () => {
    expect(mayGrantRole(actor('system_admin', 'council'), 'police', 'system_admin')).toEqual({ ok: true });
    expect(mayDisableUser(actor('system_admin', 'council'), target({ agencyId: 'police' }), 1)).toEqual({ ok: true });
  });

  it('never disables the last active system admin, whoever asks (property)', () => {
    fc.assert(fc.property(roles, agencies, fc.boolean(), (actorRole, agency, self) => {
      const admin = actor(actorRole, agency, 'sys-1');
      const last = target({ id: self ? 'sys-1' : 'sys-2', agencyId: agency, role: 'system_admin' });
      expect(mayDisableUser(admin, last, 1).ok).toBe(false);
    }));
    expect(mayDisableUser(actor('system_admin', 'housing', 'sys-1'), target({ id: 'sys-1', role: 'system_admin' }), 1))
      .toEqual({ ok: false, code: 'conflict', message: 'This is the last active system administrator: enable or create another one first.' });
    expect(mayDisableUser(actor('system_admin', 'housing', 'sys-1'), target({ id: 'sys-2', role: 'system_admin' }), 2)).toEqual({ ok: true });
  });

  it('refuses disabling one\'s own account', () => {
    expect(mayDisableUser(actor('agency_admin', 'housing', 'admin-1'), target({ id: 'admin-1', role: 'agency_admin' }), 1)).toMatchObject({ ok: false, code: 'conflict' });
  });
});
