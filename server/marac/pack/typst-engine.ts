/**
 * The Typst compiler behind the meeting pack (`@myriaddreamin/typst-ts-node-compiler`, a native
 * N-API build shipped in the npm package for each platform). One compiler per process, made on
 * first use with the shipped fonts; the document's data goes in through `sys.inputs`, never into
 * the template's text (docs/marac.md).
 */
import { fileURLToPath } from 'node:url';
import { NodeCompiler, type CompileDocArgs } from '@myriaddreamin/typst-ts-node-compiler';
import { packFontBlobs } from './pack-fonts.ts';
import { meetingPackTemplate } from './pack-template.ts';

/** A typeset PDF. */
export interface TypesetPdf {
  pdf: Uint8Array;
  pages: number;
}

/**
 * Memoised layout is dropped after every copy (age 0). Keeping it (age 3 or 10) let a long-lived
 * process grow by 50–70 MB a copy, past the 400 MB budget within eight copies (docs/marac.md).
 */
const CACHE_MAX_AGE = 0;

let compiler: NodeCompiler | null = null;

function theCompiler(): NodeCompiler {
  // The workspace is the engine's own folder: the template reads no file, and there is nothing else to find.
  compiler ??= NodeCompiler.create({
    workspace: fileURLToPath(new URL('.', import.meta.url)),
    fontArgs: [{ fontBlobs: packFontBlobs() }],
  });
  return compiler;
}

function messages(diagnostics: unknown): string[] {
  if (!Array.isArray(diagnostics)) {
    return [];
  }
  return diagnostics.map((d: unknown) => (typeof d === 'object' && d !== null && 'message' in d ? String(d.message) : String(d)));
}

function compileArgs(data: unknown): CompileDocArgs {
  return { mainFileContent: meetingPackTemplate(), inputs: { pack: JSON.stringify(data) } };
}

/**
 * Typesets another checked, self-contained template (e.g. a subject access bundle, docs/audit.md)
 * with the same compiler and fonts: `inputs` reach it as `sys.inputs`, so text comes out literally.
 */
export function typesetTemplate(mainFileContent: string, inputs: Record<string, string>, at: Date, what: string): TypesetPdf {
  const c = theCompiler();
  const args: CompileDocArgs = { mainFileContent, inputs };
  try {
    const pdf = c.pdf(args, { pdfStandard: 'ua-1', creationTimestamp: Math.floor(at.getTime() / 1000) });
    const bytes = new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    return { pdf: bytes, pages: pdfPageCount(bytes) };
  } catch (error) {
    const errors = messages(c.compile(args).takeError()?.shortDiagnostics);
    throw new Error(`The ${what} did not typeset: ${errors.join('; ') || String(error)}`);
  } finally {
    c.evictCache(CACHE_MAX_AGE);
  }
}

/** The number of pages of a PDF the engine wrote: the page tree root's count. */
export function pdfPageCount(pdf: Uint8Array): number {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  const counts = [...text.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)|\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/g)]
    .map((m) => Number(m[1] ?? m[2]));
  return counts.length === 0 ? 0 : Math.max(...counts);
}

/**
 * The compiler's warnings and errors for `data` (e.g. an unknown font): a good template has none.
 * Compiles without exporting; used by tests and to explain a failed typeset.
 */
export function meetingPackDiagnostics(data: unknown): { errors: string[]; warnings: string[] } {
  const c = theCompiler();
  const result = c.compile(compileArgs(data));
  return { errors: messages(result.takeError()?.shortDiagnostics), warnings: messages(result.takeWarnings()?.shortDiagnostics) };
}

/**
 * Typesets the pack template over `data` (serialised to JSON) as a tagged PDF/UA-1 file dated `at`.
 * Synchronous: the compiler runs on the calling thread. The PDF is exported straight from the
 * compile arguments, so no compiled-document object is handed to JavaScript: such an object holds
 * tens of MB of native layout that only a garbage collection would release.
 */
export function typesetMeetingPack(data: unknown, at: Date): TypesetPdf {
  const c = theCompiler();
  try {
    const pdf = c.pdf(compileArgs(data), { pdfStandard: 'ua-1', creationTimestamp: Math.floor(at.getTime() / 1000) });
    const bytes = new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    return { pdf: bytes, pages: pdfPageCount(bytes) };
  } catch (error) {
    const { errors } = meetingPackDiagnostics(data);
    throw new Error(`The meeting pack did not typeset: ${errors.join('; ') || String(error)}`);
  } finally {
    c.evictCache(CACHE_MAX_AGE);
  }
}
