/**
 * Generating a recipient's meeting pack on the server, audited: who made it (the actor), for whom
 * (the recipient), when, and the SHA-256 of the copy, with the agenda cases it holds (docs/marac.md,
 * docs/audit.md). The copy is handed back only once its audit event is committed.
 */
import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../../../db/server/schema.ts';
import type { MeetingPack } from '../../../domain/marac/meeting-pack.ts';
import type { PackRecipient } from '../../../domain/marac/meeting-pack-copy.ts';
import { recordAuditNow, type AuditActor } from '../../audit/record-audit.ts';
import { renderMeetingPack, type RenderedPack } from './render-meeting-pack.ts';

/** The audit entity a pack generation is recorded against. */
export const MEETING_PACK_ENTITY = 'marac_meeting';

/** What a generation needs. */
export interface MeetingPackRequest {
  /** Who asks for the copy (the coordinator, usually). */
  actor: AuditActor;
  model: MeetingPack;
  recipient: PackRecipient;
  at: Date;
}

/** Typesets one copy: on the calling thread by default, or in a worker thread (pack-worker-client.ts). */
export type PackRender = (model: MeetingPack, recipient: PackRecipient, at: Date) => RenderedPack | Promise<RenderedPack>;

/** The details a pack generation's audit event carries. */
export interface MeetingPackAuditDetails {
  export: 'marac_meeting_pack';
  recipientUserId: string;
  recipientAgencyId: string;
  recipientName: string;
  sha256: string;
  pages: number;
  caseIds: string[];
}

/**
 * Renders the recipient's copy and records `export.create` (a s62 disclosure) for it. A malformed
 * pack is a `validation_error` and records nothing; a copy whose event cannot be written is not returned.
 */
export async function generateMeetingPack(
  db: Kysely<ServerDatabase>, request: MeetingPackRequest, render: PackRender = renderMeetingPack,
): Promise<RenderedPack> {
  const rendered = await render(request.model, request.recipient, request.at);
  const details: MeetingPackAuditDetails = {
    export: 'marac_meeting_pack',
    recipientUserId: request.recipient.user.id,
    recipientAgencyId: request.recipient.user.agencyId,
    recipientName: request.recipient.name,
    sha256: rendered.sha256,
    pages: rendered.pages,
    caseIds: rendered.caseIds,
  };
  await recordAuditNow(db, {
    actor: request.actor,
    action: 'export.create',
    entityType: MEETING_PACK_ENTITY,
    entityId: request.model.meeting.id,
    outcome: 'success',
    details: { ...details },
    at: request.at,
  });
  return rendered;
}
