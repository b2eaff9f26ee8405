/**
 * The Typst compiler behind the meeting pack (`@myriaddreamin/typst-ts-node-compiler`, a native
 * N-API build shipped in the npm package for each platform). One compiler per process, made on
 * first use with the shipped fonts; the document's data goes in through `sys.inputs`, never into
 * the template's text (docs/marac.md).
 */
import { fileURLToPath } from 'node:url';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import { packFontBlobs } from './pack-fonts.ts';
import { meetingPackTemplate } from './pack-template.ts';

/** A typeset PDF and what the compiler said about it. */
export interface TypesetPdf {
  pdf: Uint8Array;
  pages: number;
  /** Compiler warnings (e.g. an unknown font); a good template has none. */
  warnings: string[];
}

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

/**
 * Typesets the pack template over `data` (serialised to JSON) as a tagged PDF/UA-1 file dated `at`.
 * Synchronous: the compiler runs on the calling thread.
 */
export function typesetMeetingPack(data: unknown, at: Date): TypesetPdf {
  const c = theCompiler();
  try {
    const result = c.compile({ mainFileContent: meetingPackTemplate(), inputs: { pack: JSON.stringify(data) } });
    const error = result.takeError();
    const document = result.result;
    if (error !== null || document === null) {
      throw new Error(`The meeting pack did not typeset: ${messages(error?.shortDiagnostics).join('; ') || 'no document'}`);
    }
    const warnings = messages(result.takeWarnings()?.shortDiagnostics);
    const pdf = c.pdf(document, { pdfStandard: 'ua-1', creationTimestamp: Math.floor(at.getTime() / 1000) });
    return { pdf: new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength), pages: document.numOfPages, warnings };
  } finally {
    // Drop memoised layout older than a few runs, so a long-lived server does not grow with every copy.
    c.evictCache(10);
  }
}
