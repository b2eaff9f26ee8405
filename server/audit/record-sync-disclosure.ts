/**
 * Audits what a sync page hands a device (docs/audit.md, "Sync"): one compact `record.sync`
 * disclosure event per page that carries records — who, which device (the actor's), the records' ids
 * by kind with their count, and the change-log range or bootstrap position — never their content.
 * A page with no records (the usual idle pull) writes nothing, so the trail grows with what was
 * disclosed, not with how often a desktop asks.
 */
import type { Kysely, Transaction } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import type { SyncChange } from '../../domain/http/sync-schemas.ts';
import { caseOwnersOf } from './record-list-read.ts';
import { recordAudit, recordAuditNow, type AuditActor, type AuditInput } from './record-audit.ts';

/** Where in the sync a page sits: a pull's change-log range, or a bootstrap's phase and position. */
export type SyncPosition =
  | { sync: 'pull'; fromSeq: string; toSeq: string }
  | { sync: 'bootstrap'; snapshot: string; phase: string; after: string | null };

/** One delivered page to record. */
export interface SyncDisclosure {
  actor: AuditActor;
  position: SyncPosition;
  changes: readonly SyncChange[];
  at: Date;
}

/** Records the page's disclosure, before the page is answered; nothing when it carries no records. */
export async function recordSyncDisclosure(db: Kysely<ServerDatabase>, page: SyncDisclosure): Promise<void> {
  const event = await disclosureEvent(db, page);
  if (event !== null) {
    await recordAuditNow(db, event);
  }
}

/** The same inside the caller's transaction, so the page's other writes share its commit. */
export async function recordSyncDisclosureIn(trx: Transaction<ServerDatabase>, page: SyncDisclosure): Promise<void> {
  const event = await disclosureEvent(trx, page);
  if (event !== null) {
    await recordAudit(trx, event);
  }
}

async function disclosureEvent(db: Kysely<ServerDatabase>, page: SyncDisclosure): Promise<AuditInput | null> {
  if (page.changes.length === 0) {
    return null;
  }
  const owners = new Set([...ownersNamedIn(page.changes), ...(await caseOwnersOf(db, caseIdsIn(page.changes)))]);
  return {
    actor: page.actor, action: 'record.sync', entityType: null, entityId: null, outcome: 'success', at: page.at,
    details: { ...page.position, count: page.changes.length, ids: idsByKind(page.changes) },
    subject: { ownerAgencyIds: [...owners] },
  };
}

/** The ids delivered, grouped by kind (`{ case: [...], report: [...] }`), each kind in page order. */
export function idsByKind(changes: readonly SyncChange[]): Record<string, string[]> {
  const ids: Record<string, string[]> = {};
  for (const change of changes) {
    (ids[change.entity] ??= []).push(change.data.id);
  }
  return ids;
}

/**
 * Every case a delivered record belongs to whose owner the page does not already name, so the case's
 * owner agency sees the disclosure: a delivered case names its owner itself (`ownersNamedIn`).
 */
function caseIdsIn(changes: readonly SyncChange[]): string[] {
  const delivered = new Set(changes.flatMap((c) => (c.entity === 'case' ? [c.data.id] : [])));
  return changes.flatMap((c) => ('caseId' in c.data && !delivered.has(c.data.caseId) ? [c.data.caseId] : []));
}

/** Owner agencies the records name themselves (people, places, documents, markers, access requests). */
function ownersNamedIn(changes: readonly SyncChange[]): string[] {
  return changes.flatMap((c) => ('ownerAgencyId' in c.data && typeof c.data.ownerAgencyId === 'string' ? [c.data.ownerAgencyId] : []));
}
