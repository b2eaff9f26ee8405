import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../../domain/entities.ts';
import { mainNavItems } from './main-nav.ts';

const user = (role: SessionUser['role']): SessionUser => ({
  id: 'u1', username: 'someone', displayName: 'Someone', role, agencyId: 'a1', agencyName: 'Agency', teamIds: ['t1'],
});

const labels = (role: SessionUser['role']) => mainNavItems(user(role)).map((item) => item.label);

describe('the top bar navigation', () => {
  it('offers a practitioner the everyday screens only', () => {
    expect(labels('practitioner')).toEqual(['Dashboard', 'Find a person', 'Tasks', 'Markers for review', 'Notifications', 'Access requests', 'Refer to MARAC', 'MARAC meetings']);
  });

  it('offers the audit trail to data officers and team managers', () => {
    expect(labels('data_officer')).toContain('Audit');
    expect(labels('team_manager')).toContain('Audit');
    expect(labels('marac_coordinator')).not.toContain('Audit');
  });

  it('offers access requests to those who may ask or decide, not to data officers or system admins', () => {
    expect(labels('agency_admin')).toContain('Access requests');
    expect(labels('data_officer')).not.toContain('Access requests');
    expect(labels('system_admin')).not.toContain('Access requests');
  });

  it('offers administration to agency and system admins only', () => {
    expect(labels('agency_admin')).toContain('Administration');
    expect(labels('system_admin')).toContain('Administration');
    expect(labels('team_manager')).not.toContain('Administration');
  });

  it('offers MARAC referrals to coordinators only', () => {
    expect(labels('marac_coordinator')).toContain('MARAC referrals');
    expect(labels('practitioner')).not.toContain('MARAC referrals');
  });

  it('offers "Refer to MARAC" to practitioners and team managers, who assess risk, not to coordinators or admins', () => {
    expect(labels('team_manager')).toContain('Refer to MARAC');
    for (const role of ['marac_coordinator', 'agency_admin', 'data_officer', 'system_admin'] as const) {
      expect(labels(role)).not.toContain('Refer to MARAC');
    }
  });

  it('offers MARAC meetings to coordinators and to the practitioners and team managers who attend them', () => {
    for (const role of ['marac_coordinator', 'practitioner', 'team_manager'] as const) {
      expect(labels(role)).toContain('MARAC meetings');
    }
    for (const role of ['agency_admin', 'data_officer', 'system_admin'] as const) {
      expect(labels(role)).not.toContain('MARAC meetings');
    }
  });

  it('offers subject access requests to data officers only', () => {
    expect(labels('data_officer')).toContain('Subject access');
    for (const role of ['practitioner', 'team_manager', 'agency_admin', 'marac_coordinator', 'system_admin'] as const) {
      expect(labels(role)).not.toContain('Subject access');
    }
  });

  it('offers retention reviews to data officers only', () => {
    expect(labels('data_officer')).toContain('Retention');
    for (const role of ['practitioner', 'team_manager', 'agency_admin', 'system_admin', 'marac_coordinator'] as const) {
      expect(labels(role)).not.toContain('Retention');
    }
  });

  it('offers the retention rules to system admins only', () => {
    expect(labels('system_admin')).toContain('Retention rules');
    expect(labels('data_officer')).not.toContain('Retention rules');
    expect(labels('agency_admin')).not.toContain('Retention rules');
  });

  it('offers the MARAC data return to coordinators only', () => {
    expect(labels('marac_coordinator')).toContain('MARAC data return');
    expect(labels('team_manager')).not.toContain('MARAC data return');
  });
});
