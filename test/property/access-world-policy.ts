/** What the pure policy of domain/policy allows in an access world, per user and resource. */
import { canSeeAccessRequest } from '../../domain/policy/access-request-policy.ts';
import { canSeeCase, type PolicyCase } from '../../domain/policy/case-policy.ts';
import { canSeeDocument } from '../../domain/policy/document-policy.ts';
import { canSeeLocation } from '../../domain/policy/location-policy.ts';
import { canSeeMarker, type PolicyMarkerSubject } from '../../domain/policy/marker-policy.ts';
import { personView, seesPersonRecord, type PolicyPerson } from '../../domain/policy/person-policy.ts';
import type { PolicyShares, PolicyUser } from '../../domain/policy/policy-user.ts';
import { canSeeReport, type PolicyReport } from '../../domain/policy/report-policy.ts';
import { canSeeTask } from '../../domain/policy/task-policy.ts';
import { grantExpiry, grantRevokedAt, WORLD_AT, type AccessWorld, type WorldGrant, type WorldShares } from './access-world.ts';
import type { WorldIds } from './access-world-db.ts';

/** Visible ids per resource for one user. */
export interface Visible {
  cases: string[];
  reports: string[];
  documents: string[];
  tasks: string[];
  personsFull: string[];
  /** Persons whose record the user sees at all: in full or as the minimal profile. */
  personsRecord: string[];
  personsSearchable: string[];
  markers: string[];
  requests: string[];
  locations: string[];
}

/** The policy shape of each person of the world (for tests that need the view itself, not only the lists). */
export function policyPersons(w: AccessWorld, ids: WorldIds): PolicyPerson[] {
  return policyShapes(w, ids).persons;
}

/** The policy shapes of a world's cases, reports and persons. */
function policyShapes(w: AccessWorld, ids: WorldIds): { shares: (s: WorldShares) => PolicyShares; cases: PolicyCase[]; reports: PolicyReport[]; persons: PolicyPerson[] } {
  const shares = (s: WorldShares): PolicyShares => ({
    sharedAgencyIds: s.agencies.map((a) => ids.agencies[a]!), sharedTeamIds: s.teams.map((t) => ids.teams[t]!), sharedUserIds: s.users.map((u) => ids.users[u]!),
  });
  const grants = (gs: WorldGrant[]) => gs.map((g) => ({ userId: ids.users[g.user]!, expiresAt: grantExpiry(g), revokedAt: grantRevokedAt(g) }));
  const cases: PolicyCase[] = w.cases.map((c) => ({
    ownerAgencyId: ids.agencies[c.agency]!, ownerTeamId: c.team === null ? null : ids.teams[c.team]!, ownerUserId: c.user === null ? null : ids.users[c.user]!,
    sharingLevel: c.level, ...shares(c.shares), grants: grants(c.grants),
  }));
  const reports: PolicyReport[] = w.reports.map((r) => {
    const author = w.users[r.author]!;
    return {
      authorAgencyId: ids.agencies[author.agency]!, authorTeamId: author.teams[0] === undefined ? null : ids.teams[author.teams[0]]!,
      authorUserId: ids.users[r.author]!, sharingLevel: r.level, ...shares(r.shares),
    };
  });
  const persons: PolicyPerson[] = w.persons.map((p) => ({
    ownerAgencyId: ids.agencies[p.agency]!, grants: grants(p.grants),
    cases: [...new Set([...p.cases, ...p.attached])].map((c) => ({
      ...cases[c]!, hiddenFromSearch: w.cases[c]!.hidden, profileOnly: !p.cases.includes(c),
    })),
  }));
  return { shares, cases, reports, persons };
}

/** Computes, with the pure policy only, what each user of the world may see. */
export function expectedVisibility(w: AccessWorld, ids: WorldIds): Visible[] {
  const { shares, cases, reports, persons } = policyShapes(w, ids);
  const subjectOf = (m: WorldIds['markers'][number]): PolicyMarkerSubject => {
    if (m.subject === 'case') {
      return { type: 'case', case: cases[m.index]! };
    }
    if (m.subject === 'person') {
      return { type: 'person', person: persons[m.index]! };
    }
    const l = w.locations[m.index]!;
    return { type: 'location', ownerAgencyId: ids.agencies[l.agency]!, cases: l.cases.map((c) => cases[c]!) };
  };
  return w.users.map((u, i): Visible => {
    const user: PolicyUser = { id: ids.users[i]!, agencyId: ids.agencies[u.agency]!, teamIds: u.teams.map((t) => ids.teams[t]!), role: u.role };
    const at = WORLD_AT;
    return {
      cases: ids.cases.filter((_, c) => canSeeCase(user, cases[c]!, at)),
      reports: ids.reports.filter((_, r) => canSeeReport(user, reports[r]!, cases[w.reports[r]!.case]!, at)),
      documents: ids.documents.filter((d, k) => {
        const doc = w.documents[k]!;
        const policyDoc = {
          ownerAgencyId: ids.agencies[w.users[doc.uploader]!.agency]!, ownerTeamId: doc.team === null ? null : ids.teams[doc.team]!,
          uploadedBy: ids.users[doc.uploader]!, sharingLevel: doc.level, ...shares(doc.shares),
        };
        return canSeeDocument(user, policyDoc, cases[d.caseIndex]!, d.reportIndex === null ? null : reports[d.reportIndex]!, at);
      }).map((d) => d.id),
      tasks: ids.tasks.filter((_, t) => {
        const task = w.tasks[t]!;
        return canSeeTask(user, {
          assigneeAgencyId: ids.agencies[task.agency]!, assigneeTeamId: task.team === null ? null : ids.teams[task.team]!,
          assigneeUserId: task.user === null ? null : ids.users[task.user]!,
        }, cases[task.case]!, at);
      }),
      personsFull: ids.persons.filter((_, p) => personView(user, persons[p]!, at) === 'full'),
      personsRecord: ids.persons.filter((_, p) => seesPersonRecord(personView(user, persons[p]!, at))),
      personsSearchable: ids.persons.filter((_, p) => personView(user, persons[p]!, at) !== 'none'),
      markers: ids.markers.filter((m) => canSeeMarker(user, {
        markerType: m.staffSafety ? 'staff_safety' : 'vulnerability', ownerAgencyId: ids.agencies[m.agency]!, subject: subjectOf(m),
      }, at)).map((m) => m.id),
      locations: ids.locations.filter((_, l) => canSeeLocation(user, { ownerAgencyId: ids.agencies[w.locations[l]!.agency]!, cases: w.locations[l]!.cases.map((c) => cases[c]!) }, at)),
      requests: ids.requests.filter((r) => canSeeAccessRequest(user, { requesterUserId: ids.users[r.requester]!, ownerAgencyId: ids.agencies[r.ownerAgency]! })).map((r) => r.id),
    };
  });
}
