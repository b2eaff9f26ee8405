/** Writes a notification to an agency inside the caller's transaction, so it commits with the change it reports. */
import type { Transaction } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import type { NotificationKind } from '../../domain/entities/notification.ts';
import { newId } from '../../domain/ids.ts';

/** What to tell an agency: ids only (the reader resolves what they may see). */
export interface NotificationInput {
  agencyId: string;
  kind: NotificationKind;
  personId: string;
  caseId: string;
  fromAgencyId: string;
  at: string;
}

/** Appends the notification; returns its id. */
export async function notifyAgency(trx: Transaction<ServerDatabase>, input: NotificationInput): Promise<string> {
  const id = newId();
  await trx.insertInto('notifications').values({
    id, agency_id: input.agencyId, kind: input.kind, person_id: input.personId, case_id: input.caseId,
    from_agency_id: input.fromAgencyId, created_at: input.at,
  }).execute();
  return id;
}
