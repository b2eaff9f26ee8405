/** The practitioner's case queue as the renderer receives it. */
import { z } from 'zod';
import { CaseStatusSchema, CaseTypeSchema, RiskLevelSchema } from '../vocabulary.ts';

export const QueueRowSchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  title: z.string(),
  caseType: CaseTypeSchema,
  ownerAgencyName: z.string(),
  status: CaseStatusSchema,
  riskLevel: RiskLevelSchema,
  updatedAt: z.string(),
});
/** One row of the practitioner's case queue. */
export type QueueRow = z.infer<typeof QueueRowSchema>;

export const QueuePageSchema = z.object({ rows: z.array(QueueRowSchema), total: z.number().int().nonnegative() });
/** A page of the case queue. */
export type QueuePage = z.infer<typeof QueuePageSchema>;
