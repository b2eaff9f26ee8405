/** Adapts the sharing channels' answers to what the sharing dialog shows. */
import type { CaseSharingView } from '../../../domain/entities/sharing.ts';
import type { PolicyCase } from '../../../domain/policy/case-policy.ts';
import type { DocumentSharingView, ReportSharingView } from '../../../domain/ipc/sharing-channels.ts';
import { sharingSummary } from '../../words/sharing-words.ts';
import type { SharingCurrent } from './SharingDialog.tsx';

/** A case's sharing as the dialog's current state. */
export function caseCurrent(view: CaseSharingView): SharingCurrent {
  const { sharingLevel, agencyIds, teamIds, userIds, hiddenFromSearch, version } = view.sharing;
  return { sharingLevel, agencyIds, teamIds, userIds, hiddenFromSearch, version };
}

/** A report's restriction as the dialog's current state (no search flag: reports are found through their case). */
export function reportCurrent(view: ReportSharingView): SharingCurrent {
  const { sharingLevel, agencyIds, teamIds, userIds, version } = view.report;
  return { sharingLevel, agencyIds, teamIds, userIds, version };
}

/** A document's restriction as the dialog's current state; version 0: documents compare on the sharing itself. */
export function documentCurrent(view: DocumentSharingView): SharingCurrent {
  const { sharingLevel, agencyIds, teamIds, userIds } = view.document;
  return { sharingLevel: sharingLevel === 'parent' ? 'case' : sharingLevel, agencyIds, teamIds, userIds, version: 0 };
}

/** The case a report stays within: its policy shape and its summary. */
export function caseBounds(view: CaseSharingView): { policy: PolicyCase; summary: string } {
  const { owner, sharing } = view;
  return {
    policy: {
      ownerAgencyId: owner.agencyId, ownerTeamId: owner.teamId, ownerUserId: owner.userId, sharingLevel: sharing.sharingLevel,
      sharedAgencyIds: sharing.agencyIds, sharedTeamIds: sharing.teamIds, sharedUserIds: sharing.userIds,
    },
    summary: sharingSummary(sharing, owner, view.agencies),
  };
}
