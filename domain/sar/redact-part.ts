/**
 * Redacting one agency's part of a subject access request (docs/audit.md): third parties' names
 * flagged and replaced unless disclosed with a reason, records left out, passages replaced — and
 * each redaction described so it can be recorded. Pure.
 */
import { CodedError } from '../errors.ts';
import type { SarItem, SarRecordType, SarRedactionKind, SarRedactions } from '../entities/sar.ts';

/** What stands in for a third party's name. */
export const THIRD_PARTY_MARK = '[third party]';
/** What stands in for a redacted passage. */
export const REDACTED_MARK = '[redacted]';

/** Another person on the same records, with the names that identify them. */
export interface FlaggedThirdParty {
  personId: string;
  givenName: string;
  familyName: string;
  aliases: readonly string[];
}

/** One redaction decision, as recorded. */
export interface RedactionRecord {
  kind: SarRedactionKind;
  thirdPartyPersonId: string | null;
  recordType: SarRecordType | null;
  recordId: string | null;
  /** The passage (for `text`); the caller records only its hash. */
  text: string | null;
  redacted: boolean;
  reason: string | null;
  occurrences: number;
}

/** A redacted part. */
export interface RedactedPart {
  items: SarItem[];
  /** The third parties disclosed by name; a redacted one is not named (or identified) anywhere in the part. */
  thirdParties: Array<{ personId: string; name: string; redacted: boolean }>;
  records: RedactionRecord[];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Replaces whole-word, case-insensitive occurrences of `terms` (longest first); returns the text and the count. */
export function replaceTerms(text: string, terms: readonly string[], mark: string): { text: string; count: number } {
  const usable = [...new Set(terms.map((t) => t.trim()).filter((t) => t.length >= 2))].sort((a, b) => b.length - a.length);
  if (usable.length === 0) {
    return { text, count: 0 };
  }
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${usable.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  let count = 0;
  const replaced = text.replace(pattern, () => {
    count += 1;
    return mark;
  });
  return { text: replaced, count };
}

/**
 * The names that identify a third party: full name, given name, aliases, and the family name unless
 * the subject shares it (a relative's surname alone would redact the subject's own name).
 */
export function thirdPartyTerms(party: FlaggedThirdParty, subjectFamilyName: string): string[] {
  const terms = [`${party.givenName} ${party.familyName}`, party.givenName, ...party.aliases];
  if (party.familyName.trim().toLowerCase() !== subjectFamilyName.trim().toLowerCase()) {
    terms.push(party.familyName);
  }
  return terms;
}

function mapFields(items: SarItem[], edit: (value: string) => { text: string; count: number }): { items: SarItem[]; count: number } {
  let count = 0;
  const out = items.map((item) => ({
    ...item,
    fields: item.fields.map((f) => {
      const r = edit(f.value);
      count += r.count;
      // A code's words are kept only while the code is: a redacted code must not show through its words.
      return r.count === 0 && f.text !== undefined ? { label: f.label, value: r.text, text: f.text } : { label: f.label, value: r.text };
    }),
  }));
  return { items: out, count };
}

/**
 * Applies `redactions` to `items`. Every flagged third party is redacted unless disclosed; naming a
 * third party who is not flagged, or a record not in the part, is a `validation_error`.
 */
export function redactPart(
  items: readonly SarItem[], flagged: readonly FlaggedThirdParty[], subjectFamilyName: string, redactions: SarRedactions,
): RedactedPart {
  const flaggedIds = new Set(flagged.map((p) => p.personId));
  for (const d of redactions.discloseThirdParties) {
    if (!flaggedIds.has(d.personId)) {
      throw new CodedError('validation_error', 'A disclosed third party is not one flagged in this part.');
    }
  }
  const itemKeys = new Set(items.map((i) => `${i.type}:${i.id}`));
  for (const o of redactions.omitRecords) {
    if (!itemKeys.has(`${o.type}:${o.id}`)) {
      throw new CodedError('validation_error', 'A record to leave out is not in this part.');
    }
  }
  const records: RedactionRecord[] = [];
  const omitted = new Set(redactions.omitRecords.map((o) => `${o.type}:${o.id}`));
  let kept = items.filter((i) => !omitted.has(`${i.type}:${i.id}`));
  for (const o of redactions.omitRecords) {
    records.push({ kind: 'record', thirdPartyPersonId: null, recordType: o.type, recordId: o.id, text: null, redacted: true, reason: o.reason, occurrences: 1 });
  }
  for (const t of redactions.redactTexts) {
    const r = mapFields(kept, (v) => replaceTerms(v, [t.text], REDACTED_MARK));
    kept = r.items;
    records.push({ kind: 'text', thirdPartyPersonId: null, recordType: null, recordId: null, text: t.text, redacted: true, reason: t.reason, occurrences: r.count });
  }
  const disclosed = new Map(redactions.discloseThirdParties.map((d) => [d.personId, d.reason]));
  const thirdParties: RedactedPart['thirdParties'] = [];
  for (const party of flagged) {
    const reason = disclosed.get(party.personId);
    if (reason === undefined) {
      const r = mapFields(kept, (v) => replaceTerms(v, thirdPartyTerms(party, subjectFamilyName), THIRD_PARTY_MARK));
      kept = r.items;
      records.push({ kind: 'third_party_name', thirdPartyPersonId: party.personId, recordType: null, recordId: null, text: null, redacted: true, reason: null, occurrences: r.count });
    } else {
      records.push({ kind: 'third_party_name', thirdPartyPersonId: party.personId, recordType: null, recordId: null, text: null, redacted: false, reason, occurrences: 0 });
    }
    if (reason !== undefined) {
      thirdParties.push({ personId: party.personId, name: `${party.givenName} ${party.familyName}`, redacted: false });
    }
  }
  return { items: kept, thirdParties, records };
}
