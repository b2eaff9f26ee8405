/**
 * An audit event's canonical text: the bytes the hash chain hashes and the Merkle log's leaf
 * (docs/audit.md, "The log"). A JSON array of the event's columns in a fixed order, so anyone can
 * rebuild it from an exported event.
 */
import { merkleLeafHash, type Sha256 } from './merkle-hash.ts';

/** The columns an event's leaf covers, in the order they appear in it. */
export const AUDIT_LEAF_FIELDS = [
  'seq', 'id', 'at', 'user_id', 'agency_id', 'team_id', 'device_id', 'ip', 'action', 'category', 'entity_type',
  'entity_id', 'outcome', 'justification', 'details', 'prev_hash',
] as const;

/** An event as the leaf covers it: seq is a number, `details` the stored JSON text, everything else text or null. */
export interface AuditLeafEvent {
  seq: number;
  id: string;
  at: string;
  user_id: string | null;
  agency_id: string | null;
  team_id: string | null;
  device_id: string | null;
  ip: string | null;
  action: string;
  category: string;
  entity_type: string | null;
  entity_id: string | null;
  outcome: string;
  justification: string | null;
  details: string;
  prev_hash: string;
}

/** The leaf text: `JSON.stringify` of the columns in AUDIT_LEAF_FIELDS order (UTF-8 when hashed). */
export function auditLeafText(event: AuditLeafEvent): string {
  return JSON.stringify(AUDIT_LEAF_FIELDS.map((field) => (field === 'seq' ? Number(event.seq) : event[field])));
}

/** The event a leaf text holds, or undefined when the text is not a well-formed leaf. */
export function auditEventFromLeaf(text: string): AuditLeafEvent | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed) || parsed.length !== AUDIT_LEAF_FIELDS.length || !Number.isSafeInteger(parsed[0])) {
    return undefined;
  }
  const values: unknown[] = parsed;
  const ok = values.slice(1).every((v) => v === null || typeof v === 'string');
  if (!ok) {
    return undefined;
  }
  const event = Object.fromEntries(AUDIT_LEAF_FIELDS.map((field, i) => [field, values[i]])) as unknown as AuditLeafEvent;
  // Rebuilding must give the same text, so a leaf has exactly one spelling.
  return auditLeafText(event) === text ? event : undefined;
}

/** The event's Merkle leaf hash: SHA-256(0x00 || UTF-8 leaf text). */
export function auditLeafHash(sha256: Sha256, event: AuditLeafEvent): Uint8Array {
  return merkleLeafHash(sha256, new TextEncoder().encode(auditLeafText(event)));
}
