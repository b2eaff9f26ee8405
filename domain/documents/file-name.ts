/** Sanitises uploaded file names: a display label only, never a path on any machine. */

/** The longest stored file name, in characters. */
export const MAX_FILE_NAME_LENGTH = 120;
const FALLBACK_NAME = 'document';
const MAX_EXTENSION_LENGTH = 10;
// C0/C1 controls, zero-width characters, bidi overrides (the "invoice<RLO>fdp.exe" trick) and BOM.
const INVISIBLE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x00, 0x1f], [0x7f, 0x9f], [0x200b, 0x200f], [0x202a, 0x202e], [0x2066, 0x2069], [0xfeff, 0xfeff],
];

function isInvisible(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return INVISIBLE_RANGES.some(([from, to]) => code >= from && code <= to);
}
const RESERVED_CHARS = /[<>:"|?*]/g;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i;

/**
 * Keeps the last path segment only, removes control and invisible characters, replaces characters
 * Windows forbids, collapses dot runs (no `..`), trims dots and spaces at either end, defuses
 * Windows device names and limits the length while keeping the extension.
 */
export function sanitiseFileName(raw: string): string {
  const lastSegment = raw.normalize('NFC').split(/[\\/]/).pop() ?? '';
  let name = Array.from(lastSegment).filter((c) => !isInvisible(c)).join('')
    .replace(RESERVED_CHARS, '_')
    .replace(/\.{2,}/g, '.')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  if (WINDOWS_DEVICE.test(name)) {
    name = `_${name}`;
  }
  return name === '' ? FALLBACK_NAME : truncateKeepingExtension(name);
}

function truncateKeepingExtension(name: string): string {
  const chars = Array.from(name);
  if (chars.length <= MAX_FILE_NAME_LENGTH) {
    return name;
  }
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? Array.from(name.slice(dot)) : [];
  if (extension.length === 0 || extension.length > MAX_EXTENSION_LENGTH) {
    return chars.slice(0, MAX_FILE_NAME_LENGTH).join('');
  }
  const stem = Array.from(name.slice(0, dot)).slice(0, MAX_FILE_NAME_LENGTH - extension.length);
  return [...stem, ...extension].join('').replace(/[\s.]+(\.[^.]*)$/, '$1');
}
