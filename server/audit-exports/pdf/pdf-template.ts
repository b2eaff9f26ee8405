/** The PDF export's Typst template, read once and checked to be self-contained like the meeting pack's. */
import { readFileSync } from 'node:fs';
import { checkedTemplate } from '../../marac/pack/pack-template.ts';

let template: string | null = null;

/** The checked template of audit-export.typ, read on first use. */
export function auditPdfTemplate(): string {
  template ??= checkedTemplate(readFileSync(new URL('./audit-export.typ', import.meta.url), 'utf8'));
  return template;
}
