/**
 * Audit actions and their Data Protection Act 2018 s62 logging categories (docs/audit.md):
 * collection, alteration, consultation, disclosure, combination, erasure.
 */
import { z } from 'zod';

export const AUDIT_CATEGORIES = ['collection', 'alteration', 'consultation', 'disclosure', 'combination', 'erasure'] as const;
/** A DPA 2018 s62 category. */
export type AuditCategory = (typeof AUDIT_CATEGORIES)[number];
export const AuditCategorySchema = z.enum(AUDIT_CATEGORIES);

/** Every audited action and the category it is logged under. */
export const AUDIT_ACTIONS = {
  'auth.login': 'consultation',
  'auth.login_failed': 'consultation',
  'auth.logout': 'consultation',
  'auth.refresh_reuse': 'consultation',
  'auth.totp_enrolled': 'alteration',
  'auth.totp_reset': 'alteration',
  /** The user chose a new password (forced after an administrator set one, or their own choice). */
  'auth.password_changed': 'alteration',
  'record.view': 'consultation',
  'record.break_glass_view': 'consultation',
  'record.search': 'consultation',
  /** A list that returned content (a case's reports, tasks, markers, documents, a queue page): ids and count only. */
  'record.list': 'consultation',
  /** A sync page delivered to a device (bootstrap or pull): the records' ids by kind, their count and the range; never content. */
  'record.sync': 'disclosure',
  'record.create': 'collection',
  'record.update': 'alteration',
  'record.delete': 'erasure',
  'record.erase': 'erasure',
  'record.merge': 'combination',
  /** A person seen only as a stub (or minimal profile) attached to the caller's case: a combination of records, with its reason. */
  'record.attach_person': 'combination',
  'record.share_change': 'disclosure',
  'record.transfer': 'disclosure',
  'access.request': 'disclosure',
  'access.decision': 'disclosure',
  'document.upload': 'collection',
  'document.download': 'disclosure',
  /** An audit export started, with its reason, filters and format. */
  'export.create': 'disclosure',
  /**
   * An audit export's file written: its rows (`proof_rows`, `proof_seqs_sha256`), byte length and
   * SHA-256, recorded before its checkpoint is signed so the proofs cover it. Not an outcome.
   */
  'export.seal': 'disclosure',
  /** An audit export's one outcome: finished (file, manifest and proofs), failed or cancelled. */
  'export.finish': 'disclosure',
  /** The file or manifest of an audit export handed to its creator. */
  'export.download': 'disclosure',
  /** A retention review decision on a case (keep until, or erase), with its reason. */
  'retention.decision': 'alteration',
  /** A legal hold placed on or released from a case, with its reason. */
  'retention.hold': 'alteration',
  'admin.change': 'alteration',
  'device.register': 'alteration',
  'device.revoke': 'alteration',
  'audit.verify': 'consultation',
  /** A subject access request logged against a person (docs/audit.md). */
  'sar.create': 'collection',
  /** A consultation opened on a logged request for an agency whose records about the person appeared since. */
  'sar.consult': 'alteration',
  /** A subject access request's due date extended, with the reason. */
  'sar.extend': 'alteration',
  /** A subject access request closed (answered or withdrawn). */
  'sar.close': 'alteration',
  /** An owner agency released its part of a request, with its redactions. */
  'sar.part_release': 'disclosure',
  /** An owner agency withheld its part of a request under an exemption. */
  'sar.part_withhold': 'consultation',
} as const satisfies Record<string, AuditCategory>;

/** An audited action. */
export type AuditAction = keyof typeof AUDIT_ACTIONS;
export const AuditActionSchema = z.enum(Object.keys(AUDIT_ACTIONS) as [AuditAction, ...AuditAction[]]);

export const AUDIT_OUTCOMES = ['success', 'failure', 'denied'] as const;
/** Whether the audited attempt succeeded. */
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];
