/**
 * One recipient's meeting pack as a PDF: the pack cut by the access policy, typeset with the
 * recipient's watermark, and its SHA-256 for the audit trail (docs/marac.md).
 */
import { createHash } from 'node:crypto';
import { copyForRecipient, type MeetingPackCopy, type PackRecipient } from '../../../domain/marac/meeting-pack-copy.ts';
import { MeetingPackSchema, type MeetingPack } from '../../../domain/marac/meeting-pack.ts';
import { parseOrThrow } from '../../../domain/validation-error.ts';
import { packPrintData } from './pack-print-data.ts';
import { typesetMeetingPack } from './typst-engine.ts';

/** A generated copy. */
export interface RenderedPack {
  pdf: Uint8Array;
  /** Hex SHA-256 of `pdf`, recorded in the audit trail. */
  sha256: string;
  pages: number;
  /** The agenda cases the copy holds (those the recipient may see). */
  caseIds: string[];
}

/** Typesets an already cut copy; `watermark: false` is only for measuring the engine. */
export function renderCopy(copy: MeetingPackCopy, options: { watermark: boolean }): RenderedPack {
  const typeset = typesetMeetingPack(packPrintData(copy, options), new Date(copy.generatedAt));
  return {
    pdf: typeset.pdf,
    sha256: createHash('sha256').update(typeset.pdf).digest('hex'),
    pages: typeset.pages,
    caseIds: copy.cases.map((c) => c.caseId),
  };
}

/**
 * The copy of `model` for `recipient`, made at `at`: only what the access policy lets them see,
 * watermarked with their name and the time. A malformed model is a `validation_error`.
 */
export function renderMeetingPack(model: MeetingPack, recipient: PackRecipient, at: Date): RenderedPack {
  const pack = parseOrThrow(MeetingPackSchema, model, 'meeting pack');
  return renderCopy(copyForRecipient(pack, recipient, at.toISOString()), { watermark: true });
}
