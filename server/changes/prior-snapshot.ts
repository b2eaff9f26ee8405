/**
 * Who could see records just before a change, kept with the change as the inputs of the pure policy
 * (docs/access.md: sync never hands a puller an id of a record it could never see). A pull sends a
 * removal only when the pure policy, applied to these inputs, admitted the puller.
 */
import { canSeeCase, type PolicyCase } from '../../domain/policy/case-policy.ts';
import { canSeeDocument, type PolicyDocument } from '../../domain/policy/document-policy.ts';
import { canSeeLocation, type PolicyLocation } from '../../domain/policy/location-policy.ts';
import { canSeeMarker, type PolicyMarkerSubject } from '../../domain/policy/marker-policy.ts';
import { personView, seesPersonRecord, type PolicyPerson } from '../../domain/policy/person-policy.ts';
import type { PolicyUser } from '../../domain/policy/policy-user.ts';
import { canSeeReport, type PolicyReport } from '../../domain/policy/report-policy.ts';
import { canSeeTask, type PolicyTask } from '../../domain/policy/task-policy.ts';

/** A case as the policy saw it; its grants are those in force (or lapsed but not yet swept) then. */
export interface PriorCase extends PolicyCase {
  hiddenFromSearch: boolean;
}

/** A person: owner, the cases they were a subject of, and who held a grant on them. */
export interface PriorPerson {
  ownerAgencyId: string;
  caseIds: string[];
  /** Of `caseIds`, those where every link was attached from a stub (they reveal the minimal profile only). */
  profileOnlyCaseIds?: string[];
  grantHolders: string[];
}

/** A location: owner and the cases it was linked to. */
export interface PriorLocation {
  ownerAgencyId: string;
  caseIds: string[];
}

/** The subject of a marker as it was. */
export type PriorMarkerSubject =
  | { type: 'case'; caseId: string }
  | { type: 'person'; person: PriorPerson }
  | { type: 'location'; location: PriorLocation };

/** One record whose audience may have changed, with the policy inputs it had. */
export type PriorRecord =
  | { entity: 'case' | 'case_subject' | 'case_location'; id: string; caseId: string }
  | { entity: 'task'; id: string; caseId: string; task: PolicyTask }
  | { entity: 'person'; id: string; person: PriorPerson }
  | { entity: 'location'; id: string; location: PriorLocation }
  | { entity: 'marker'; id: string; markerType: string; ownerAgencyId: string; subject: PriorMarkerSubject }
  | { entity: 'report'; id: string; caseId: string; report: PolicyReport }
  | { entity: 'document'; id: string; caseId: string; report: PolicyReport | null; document: PolicyDocument };

/** What a change keeps: the records it may take from someone, and the cases they depended on. */
export interface PriorSnapshot {
  cases: Record<string, PriorCase>;
  records: PriorRecord[];
}

/** Grants are stored already filtered to those in force at the change, so they never lapse here. */
export const PRIOR_GRANT_EXPIRY = '9999-12-31T23:59:59.999Z';

/** True when the pure policy let the user see the record as it was just before the change. */
export function priorAdmits(user: PolicyUser, snapshot: PriorSnapshot, record: PriorRecord, at: string): boolean {
  const caseOf = (id: string): PriorCase | undefined => snapshot.cases[id];
  const seesCase = (id: string): boolean => {
    const c = caseOf(id);
    return c !== undefined && canSeeCase(user, c, at);
  };
  const casesOf = (ids: readonly string[]): PriorCase[] => ids.flatMap((id) => caseOf(id) ?? []);
  const person = (p: PriorPerson): PolicyPerson => ({
    ownerAgencyId: p.ownerAgencyId,
    cases: casesOf(p.caseIds).map((c, i) => ({ ...c, profileOnly: p.profileOnlyCaseIds?.includes(p.caseIds[i]!) ?? false })),
    grants: p.grantHolders.map((userId) => ({ userId, expiresAt: PRIOR_GRANT_EXPIRY, revokedAt: null })),
  });
  const location = (l: PriorLocation): PolicyLocation => ({ ownerAgencyId: l.ownerAgencyId, cases: casesOf(l.caseIds) });
  switch (record.entity) {
    case 'case':
    case 'case_subject':
    case 'case_location':
      return seesCase(record.caseId);
    case 'task': {
      const c = caseOf(record.caseId);
      return c !== undefined && canSeeTask(user, record.task, c, at);
    }
    case 'person':
      // A synced person carries the minimal profile or the full record: either was seen.
      return seesPersonRecord(personView(user, person(record.person), at));
    case 'location':
      return canSeeLocation(user, location(record.location), at);
    case 'marker': {
      const s = record.subject;
      const subject: PolicyMarkerSubject | undefined = s.type === 'case'
        ? (caseOf(s.caseId) === undefined ? undefined : { type: 'case', case: caseOf(s.caseId)! })
        : s.type === 'person' ? { type: 'person', person: person(s.person) } : { type: 'location', ...location(s.location) };
      return subject !== undefined && canSeeMarker(user, { markerType: record.markerType, ownerAgencyId: record.ownerAgencyId, subject }, at);
    }
    case 'report': {
      const c = caseOf(record.caseId);
      return c !== undefined && canSeeReport(user, record.report, c, at);
    }
    case 'document': {
      const c = caseOf(record.caseId);
      return c !== undefined && canSeeDocument(user, record.document, c, record.report, at);
    }
  }
}
