/**
 * The demo directory: fictional agencies, teams and users with memorable demo passwords.
 * Every name here is invented; the passwords exist only for demonstrations and tests.
 */
import type { AgencyKind, Role } from '../../domain/vocabulary.ts';

/** A demo agency and its teams. */
export interface DemoAgency {
  code: string;
  name: string;
  kind: AgencyKind;
  teams: readonly string[];
}

/** A demo user: which agency and team, which role, and the password to sign in with. */
export interface DemoUser {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  agencyCode: string;
  teams: readonly string[];
}

export const DEMO_AGENCIES: readonly DemoAgency[] = [
  { code: 'NSP', name: 'Northshire Police', kind: 'police', teams: ['Neighbourhood Policing North', 'Public Protection Unit'] },
  { code: 'RCC', name: 'Riverton City Council', kind: 'council', teams: ['Community Safety Team', 'Adult Social Care'] },
  { code: 'RHA', name: 'Riverton Homes Association', kind: 'housing', teams: ['Tenancy Enforcement'] },
  { code: 'NFR', name: 'Northshire Fire and Rescue Service', kind: 'fire', teams: ['Community Fire Safety'] },
  { code: 'HVS', name: 'Haven Victim Support', kind: 'charity', teams: ['IDVA Service'] },
  { code: 'NPS', name: 'Northshire Probation Delivery Unit', kind: 'probation', teams: ['Offender Management'] },
];

export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'pc.amelia.hart', displayName: 'PC Amelia Hart', password: 'blue-lamp-42', role: 'practitioner', agencyCode: 'NSP', teams: ['Neighbourhood Policing North'] },
  { username: 'sgt.owen.price', displayName: 'Sgt Owen Price', password: 'custody-suite-7', role: 'team_manager', agencyCode: 'NSP', teams: ['Neighbourhood Policing North'] },
  { username: 'dc.leah.morgan', displayName: 'DC Leah Morgan', password: 'public-protect-9', role: 'practitioner', agencyCode: 'NSP', teams: ['Public Protection Unit'] },
  { username: 'raj.patel', displayName: 'Raj Patel', password: 'market-square-3', role: 'practitioner', agencyCode: 'RCC', teams: ['Community Safety Team'] },
  { username: 'helen.clarke', displayName: 'Helen Clarke', password: 'town-hall-clock-5', role: 'marac_coordinator', agencyCode: 'RCC', teams: ['Community Safety Team'] },
  { username: 'tom.fisher', displayName: 'Tom Fisher', password: 'audit-trail-8', role: 'data_officer', agencyCode: 'RCC', teams: [] },
  { username: 'sara.khan', displayName: 'Sara Khan', password: 'tenancy-keys-6', role: 'practitioner', agencyCode: 'RHA', teams: ['Tenancy Enforcement'] },
  { username: 'mark.evans', displayName: 'Mark Evans', password: 'housing-admin-2', role: 'agency_admin', agencyCode: 'RHA', teams: [] },
  { username: 'wm.gareth.jones', displayName: 'WM Gareth Jones', password: 'smoke-alarm-11', role: 'practitioner', agencyCode: 'NFR', teams: ['Community Fire Safety'] },
  { username: 'nia.roberts', displayName: 'Nia Roberts', password: 'safe-haven-4', role: 'practitioner', agencyCode: 'HVS', teams: ['IDVA Service'] },
  { username: 'dan.osei', displayName: 'Dan Osei', password: 'licence-check-12', role: 'team_manager', agencyCode: 'NPS', teams: ['Offender Management'] },
  // The police's data officer answers consultations on subject access requests (docs/audit.md).
  { username: 'ian.brooks', displayName: 'Ian Brooks', password: 'disclosure-desk-6', role: 'data_officer', agencyCode: 'NSP', teams: [] },
  { username: 'admin', displayName: 'Casebridge Administrator', password: 'system-admin-1', role: 'system_admin', agencyCode: 'RCC', teams: [] },
];

/** The demo MARAC area: coordinated by the council's community safety team, the default escalation rule (3 in 12). */
export const DEMO_MARAC_AREAS: readonly { name: string; coordinatorAgencyCode: string }[] = [
  { name: 'Riverton MARAC', coordinatorAgencyCode: 'RCC' },
];
