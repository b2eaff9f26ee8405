/**
 * The redaction choices a data officer makes on a part (docs/audit.md): third parties disclosed with
 * a reason, records left out with one reason, passages replaced by "[redacted]" each with a reason —
 * turned into the `SarRedactions` the server applies and records. Pure.
 */
import type { SarRecordType, SarRedactions } from '../../../domain/entities/sar.ts';

/** What the form holds. */
export interface RedactionChoices {
  /** Third parties to name, by person id, with why. */
  disclosed: Readonly<Record<string, string>>;
  /** Records to leave out, as `type:id` keys. */
  omitted: ReadonlySet<string>;
  omitReason: string;
  passages: ReadonlyArray<{ text: string; reason: string }>;
}

/** Nothing chosen: every flagged third party's name is redacted, nothing else. */
export const NO_CHOICES: RedactionChoices = { disclosed: {}, omitted: new Set(), omitReason: '', passages: [] };

/** `key` added to the records left out, or taken off when it was there. */
export function toggledOmit(choices: RedactionChoices, key: string): RedactionChoices {
  const omitted = new Set(choices.omitted);
  if (!omitted.delete(key)) {
    omitted.add(key);
  }
  return { ...choices, omitted };
}

/** The choices as the server's redactions (a blank passage row is dropped). */
export function redactionsOf(choices: RedactionChoices): SarRedactions {
  return {
    discloseThirdParties: Object.entries(choices.disclosed).map(([personId, reason]) => ({ personId, reason })),
    omitRecords: [...choices.omitted].map((key) => {
      const at = key.indexOf(':');
      return { type: key.slice(0, at) as SarRecordType, id: key.slice(at + 1), reason: choices.omitReason };
    }),
    redactTexts: choices.passages.filter((p) => p.text.trim() !== '').map((p) => ({ text: p.text, reason: p.reason })),
  };
}
