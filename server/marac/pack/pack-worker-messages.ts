/** What the server and the pack worker thread say to each other. */
import type { ErrorCode } from '../../../domain/errors.ts';
import type { MeetingPack } from '../../../domain/marac/meeting-pack.ts';
import type { PackRecipient } from '../../../domain/marac/meeting-pack-copy.ts';
import type { RenderedPack } from './render-meeting-pack.ts';

/** One copy to typeset. */
export interface PackJob {
  id: number;
  model: MeetingPack;
  recipient: PackRecipient;
  /** ISO time of the copy. */
  at: string;
}

/** The typeset copy, or why there is none. */
export type PackJobAnswer =
  | { id: number; ok: true; rendered: RenderedPack }
  | { id: number; ok: false; code: ErrorCode; message: string };
