/** The audit trail as data officers and team managers search it (the server's audit search; it needs a connection). */
import { AuditSearchPageSchema, AuditSearchQuerySchema } from '../audit/audit-search.ts';
import { defineChannel } from './channel.ts';

export const auditChannels = {
  /** One page of the caller's audit scope, newest first; `network_error` when the server cannot be reached. */
  'audit.search': defineChannel({ input: AuditSearchQuerySchema, output: AuditSearchPageSchema, needsSession: true }),
} as const;
