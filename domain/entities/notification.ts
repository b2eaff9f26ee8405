/** Wire shapes of notifications to an agency: ids and agency names only, never personal data. */
import { z } from 'zod';
import { IdSchema, TimestampSchema } from '../ids.ts';

export const NOTIFICATION_KINDS = ['person_attached'] as const;
/** What happened: `person_attached` — another agency attached a person this agency owns to its case from a stub. */
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export const NotificationKindSchema = z.enum(NOTIFICATION_KINDS);

export const NotificationRecordSchema = z.object({
  id: IdSchema,
  kind: NotificationKindSchema,
  personId: IdSchema,
  caseId: IdSchema,
  fromAgency: z.object({ id: IdSchema, name: z.string() }),
  createdAt: TimestampSchema,
});
/** One notification addressed to the caller's agency. */
export type NotificationRecord = z.infer<typeof NotificationRecordSchema>;

export const NotificationListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
}).strict();
