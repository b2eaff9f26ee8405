/**
 * A request's bundle (docs/audit.md): the receiving agency's own part, redacted, and each released
 * part exactly as its owner released it — never a pending or withheld one — as a machine-readable
 * JSON document and a PDF, OFFICIAL-SENSITIVE on every page.
 */
import { createHash } from 'node:crypto';
import { sarFieldText, type SarPart, type SarRecordType } from '../../../domain/entities/sar.ts';
import type { SarBundleFiles } from '../../../domain/http/sar-routes.ts';
import { dateTime, longDate } from '../../marac/pack/pack-print-data.ts';
import { typesetTemplate } from '../../marac/pack/typst-engine.ts';
import { sarBundleTemplate } from './bundle-template.ts';

/** The JSON document's format name. */
export const SAR_BUNDLE_FORMAT = 'casebridge-sar-bundle/v1';

/** The bundle as JSON. */
export interface SarBundle {
  format: typeof SAR_BUNDLE_FORMAT;
  marking: 'OFFICIAL-SENSITIVE';
  request: { id: string; reference: string; receivedOn: string; dueOn: string; person: { id: string; name: string } };
  generatedAt: string;
  generatedBy: { userId: string; agency: string };
  parts: Array<SarPart & { source: 'own' | 'released' }>;
}

const TYPE_WORDS: Record<SarRecordType, string> = {
  person: 'Personal details', case: 'Case', report: 'Report', task: 'Task', marker: 'Marker', document: 'Document',
  dash_assessment: 'DASH risk checklist', marac_referral: 'MARAC referral',
};

/** What the template prints: dates and codes in en-GB words (the JSON keeps ISO dates and codes), each item a heading in words. */
function printData(bundle: SarBundle) {
  return {
    ...bundle,
    request: { ...bundle.request, receivedOn: longDate(bundle.request.receivedOn), dueOn: longDate(bundle.request.dueOn) },
    generatedAt: dateTime(bundle.generatedAt),
    parts: bundle.parts.map((p) => ({
      ...p,
      // Codes in words (the JSON keeps the codes).
      items: p.items.map((i) => ({ heading: `${TYPE_WORDS[i.type]} · recorded ${dateTime(i.at)}`, fields: i.fields.map((f) => ({ label: f.label, value: sarFieldText(f) })) })),
    })),
  };
}

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/** Writes the JSON and typesets the PDF. */
export function renderSarBundle(bundle: SarBundle): SarBundleFiles {
  const json = `${JSON.stringify(bundle, null, 2)}\n`;
  const typeset = typesetTemplate(sarBundleTemplate(), { bundle: JSON.stringify(printData(bundle)) }, new Date(bundle.generatedAt), 'subject access bundle');
  return {
    fileBaseName: `sar-${bundle.request.reference.replace(/[^A-Za-z0-9._-]+/g, '-')}`,
    json, jsonSha256: sha256(json),
    pdfBase64: Buffer.from(typeset.pdf).toString('base64'), pdfSha256: sha256(typeset.pdf), pages: typeset.pages,
  };
}
