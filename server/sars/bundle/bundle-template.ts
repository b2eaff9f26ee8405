/** The bundle's Typst template, read once and checked to be self-contained (docs/audit.md). */
import { readFileSync } from 'node:fs';
import { checkedTemplate } from '../../marac/pack/pack-template.ts';

let template: string | null = null;

/** The checked template of sar-bundle.typ, read on first use. */
export function sarBundleTemplate(): string {
  template ??= checkedTemplate(readFileSync(new URL('./sar-bundle.typ', import.meta.url), 'utf8'));
  return template;
}
