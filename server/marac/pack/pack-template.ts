/**
 * The pack's Typst template, read once and checked: it may not import or include anything, read
 * files or load plugins, so the compiler never has a reason to fetch a package (docs/marac.md).
 */
import { readFileSync } from 'node:fs';

/** What a template may never contain (outside comments): the ways Typst reaches beyond its own text. */
const FORBIDDEN: ReadonlyArray<{ pattern: RegExp; what: string }> = [
  { pattern: /\bimport\b/, what: 'an import' },
  { pattern: /\binclude\b/, what: 'an include' },
  { pattern: /@(preview|local)\//, what: 'a package name' },
  { pattern: /\bplugin\s*\(/, what: 'a plugin' },
  { pattern: /\bread\s*\(/, what: 'a file read' },
  { pattern: /\beval\s*\(/, what: 'an eval' },
];

/** The template's text without `//` and block comments, which may talk about imports freely. */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
}

/** Throws when the template could reach outside itself; returns it unchanged otherwise. */
export function checkedTemplate(source: string): string {
  const code = withoutComments(source);
  for (const { pattern, what } of FORBIDDEN) {
    if (pattern.test(code)) {
      throw new Error(`The meeting pack template contains ${what}; it must be self-contained`);
    }
  }
  return source;
}

let template: string | null = null;

/** The checked template of meeting-pack.typ, read on first use. */
export function meetingPackTemplate(): string {
  template ??= checkedTemplate(readFileSync(new URL('./meeting-pack.typ', import.meta.url), 'utf8'));
  return template;
}
