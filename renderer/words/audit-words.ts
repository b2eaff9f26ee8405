/** Audit actions, categories and outcomes in en-GB words, keyed by the domain's codes. */
import type { AuditAction, AuditCategory, AuditOutcome } from '../../domain/audit/audit-actions.ts';

/** What each audited action is called on screen. */
export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  'auth.login': 'Signed in',
  'auth.login_failed': 'Sign-in failed',
  'auth.logout': 'Signed out',
  'auth.refresh_reuse': 'Reused session token',
  'auth.totp_enrolled': 'Set up two-step sign-in',
  'auth.totp_reset': 'Reset two-step sign-in',
  'auth.password_changed': 'Changed their password',
  'record.view': 'Viewed a record',
  'record.break_glass_view': 'Break-glass view',
  'record.search': 'Searched',
  'record.list': 'Listed records',
  'record.sync': 'Synced to a device',
  'record.create': 'Created a record',
  'record.update': 'Changed a record',
  'record.delete': 'Deleted a record',
  'record.erase': 'Erased a record',
  'record.merge': 'Merged records',
  'record.attach_person': 'Attached a person from a stub',
  'record.share_change': 'Changed sharing',
  'record.transfer': 'Transferred a record',
  'access.request': 'Asked for access',
  'access.decision': 'Decided an access request',
  'document.upload': 'Uploaded a document',
  'document.download': 'Downloaded a document',
  'export.create': 'Exported',
  'export.seal': 'Sealed an export file',
  'export.finish': 'Finished an export',
  'export.download': 'Downloaded an export',
  'retention.decision': 'Retention review decision',
  'retention.hold': 'Legal hold placed or released',
  'admin.change': 'Administration change',
  'device.register': 'Registered a device',
  'device.revoke': 'Revoked a device',
  'audit.verify': 'Verified the audit trail',
  'sar.create': 'Logged a subject access request',
  'sar.consult': 'Consulted another agency on a subject access request',
  'sar.extend': 'Extended a subject access request',
  'sar.close': 'Closed a subject access request',
  'sar.part_release': 'Released a part of a subject access request',
  'sar.part_withhold': 'Withheld a part of a subject access request',
};

/** The DPA 2018 s62 categories as the screen names them. */
export const AUDIT_CATEGORY_LABELS: Record<AuditCategory, string> = {
  collection: 'Collection',
  alteration: 'Alteration',
  consultation: 'Consultation',
  disclosure: 'Disclosure',
  combination: 'Combination',
  erasure: 'Erasure',
};

/** Whether the attempt succeeded, in words. */
export const AUDIT_OUTCOME_LABELS: Record<AuditOutcome, string> = {
  success: 'Succeeded',
  failure: 'Failed',
  denied: 'Refused',
};

/** The label of a stored action, or the code itself for one this version does not know. */
export function auditActionLabel(action: string): string {
  return (AUDIT_ACTION_LABELS as Record<string, string | undefined>)[action] ?? action;
}
