/** The audit trail as data officers and team managers search it (the server's audit search; it needs a connection). */
import { AuditSearchPageSchema, AuditSearchQuerySchema } from '../audit/audit-search.ts';
import { CaseDetailSchema } from '../entities/case.ts';
import { BreakGlassBodySchema } from '../http/audit-routes.ts';
import { IdSchema } from '../ids.ts';
import { defineChannel } from './channel.ts';

export const auditChannels = {
  /** One page of the caller's audit scope, newest first; `network_error` when the server cannot be reached. */
  'audit.search': defineChannel({ input: AuditSearchQuerySchema, output: AuditSearchPageSchema, needsSession: true }),
  /** A data officer opens their agency's case read-only with a justification (server-audited); never kept on this computer. */
  'audit.breakGlassCase': defineChannel({
    input: BreakGlassBodySchema.extend({ caseId: IdSchema }).strict(), output: CaseDetailSchema, needsSession: true,
  }),
} as const;
