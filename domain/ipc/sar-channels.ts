/**
 * Subject access requests on the desktop (docs/audit.md): a data officer's requests, logging and
 * extending one, its bundle to save, and the consultations addressed to their agency. Online only:
 * nothing of a request is kept on the computer.
 */
import { z } from 'zod';
import { CloseSarBodySchema, CreateSarBodySchema, ExtendSarBodySchema, SarPartSchema, SarRedactionsSchema, SAR_STATUSES, WithholdSarPartBodySchema } from '../entities/sar.ts';
import {
  SarBundleFilesSchema, SarConsultationDetailSchema, SarConsultationSummarySchema, SarDetailSchema, SarPersonHitSchema, SarSummarySchema,
} from '../http/sar-routes.ts';
import { IdSchema } from '../ids.ts';
import { defineChannel } from './channel.ts';

const SarId = z.object({ sarId: IdSchema }).strict();
const ConsultationId = z.object({ consultationId: IdSchema }).strict();

export const sarChannels = {
  'sars.list': defineChannel({ input: z.object({ status: z.enum(SAR_STATUSES) }).strict(), output: z.object({ sars: z.array(SarSummarySchema) }), needsSession: true }),
  'sars.findPerson': defineChannel({ input: z.object({ text: z.string().trim().min(2).max(100) }).strict(), output: z.object({ persons: z.array(SarPersonHitSchema) }), needsSession: true }),
  'sars.create': defineChannel({ input: CreateSarBodySchema, output: SarDetailSchema, needsSession: true }),
  'sars.get': defineChannel({ input: SarId, output: SarDetailSchema, needsSession: true }),
  'sars.extend': defineChannel({ input: SarId.extend(ExtendSarBodySchema.shape).strict(), output: SarDetailSchema, needsSession: true }),
  'sars.close': defineChannel({ input: SarId.extend(CloseSarBodySchema.shape).strict(), output: SarDetailSchema, needsSession: true }),
  /** The bundle's JSON and PDF to save; refused when the machine policy does not allow files out. */
  'sars.ownPart': defineChannel({ input: SarId, output: SarPartSchema, needsSession: true }),
  'sars.bundle': defineChannel({ input: SarId.extend({ redactions: SarRedactionsSchema }).strict(), output: SarBundleFilesSchema, needsSession: true }),
  'sarConsultations.list': defineChannel({ input: z.null(), output: z.object({ consultations: z.array(SarConsultationSummarySchema) }), needsSession: true }),
  'sarConsultations.get': defineChannel({ input: ConsultationId, output: SarConsultationDetailSchema, needsSession: true }),
  'sarConsultations.release': defineChannel({ input: ConsultationId.extend({ redactions: SarRedactionsSchema }).strict(), output: SarConsultationDetailSchema, needsSession: true }),
  'sarConsultations.withhold': defineChannel({ input: ConsultationId.extend(WithholdSarPartBodySchema.shape).strict(), output: SarConsultationDetailSchema, needsSession: true }),
} as const;
