/** Audit search and chain verification for data officers (docs/audit.md). */
import { AuditLogResultSchema } from '../audit/audit-log-result.ts';
import { AuditSearchPageSchema, AuditSearchQuerySchema } from '../audit/audit-search.ts';
import { ClientAuditAckSchema, ClientAuditBatchSchema } from '../audit/client-audit-events.ts';
import { z } from 'zod';
import { CaseDetailSchema } from '../entities/case.ts';
import { defineRoute, IdParams, NoBody, NoQuery } from './route.ts';

/** Why a data officer opens a case through break-glass: said in full, kept in the audit event. */
export const BreakGlassBodySchema = z.object({
  justification: z.string().trim().min(20).max(2000),
}).strict();


export const auditRoutes = {
  auditEvents: defineRoute({
    method: 'GET', path: '/audit/events', auth: true, tag: 'audit',
    summary: "Search the audit trail, newest first: a data officer's agency's (its staff's events and anyone's on records it owns), a team manager's staff's; the search itself is audited",
    query: AuditSearchQuerySchema, body: NoBody, response: AuditSearchPageSchema,
  }),
  auditVerify: defineRoute({
    method: 'GET', path: '/audit/verify', auth: true, tag: 'audit',
    summary: "Verify the audit log: the hash chain, the Merkle tree against the head's frontier and every published checkpoint's signature and root; name the first broken event",
    query: NoQuery, body: NoBody, response: AuditLogResultSchema,
  }),
  auditBreakGlassCase: defineRoute({
    method: 'POST', path: '/audit/break-glass/cases/:id', auth: true, tag: 'audit',
    summary: "A data officer opens a case their agency owns, read-only, with a justification; audited as record.break_glass_view",
    params: IdParams, query: NoQuery, body: BreakGlassBodySchema, response: CaseDetailSchema,
  }),
  auditClientEvents: defineRoute({
    method: 'POST', path: '/audit/client-events', auth: true, tag: 'audit',
    summary: "Record reads a desktop answered from its offline copy (views, searches, document exports) as the caller's, from the caller's device; once each",
    query: NoQuery, body: ClientAuditBatchSchema, response: ClientAuditAckSchema,
  }),
} as const;
