/** Audit search and chain verification for data officers (docs/audit.md). */
import { AuditChainResultSchema } from '../audit/audit-chain.ts';
import { AuditSearchPageSchema, AuditSearchQuerySchema } from '../audit/audit-search.ts';
import { ClientAuditAckSchema, ClientAuditBatchSchema } from '../audit/client-audit-events.ts';
import { defineRoute, NoBody, NoQuery } from './route.ts';


export const auditRoutes = {
  auditEvents: defineRoute({
    method: 'GET', path: '/audit/events', auth: true, tag: 'audit',
    summary: "Search the audit trail, newest first: a data officer's agency's (its staff's events and anyone's on records it owns), a team manager's staff's; the search itself is audited",
    query: AuditSearchQuerySchema, body: NoBody, response: AuditSearchPageSchema,
  }),
  auditVerify: defineRoute({
    method: 'GET', path: '/audit/verify', auth: true, tag: 'audit',
    summary: 'Verify the audit hash chain and name the first broken event',
    query: NoQuery, body: NoBody, response: AuditChainResultSchema,
  }),
  auditClientEvents: defineRoute({
    method: 'POST', path: '/audit/client-events', auth: true, tag: 'audit',
    summary: "Record reads a desktop answered from its offline copy (views, searches, document exports) as the caller's, from the caller's device; once each",
    query: NoQuery, body: ClientAuditBatchSchema, response: ClientAuditAckSchema,
  }),
} as const;
