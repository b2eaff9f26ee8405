/** Audit exports for data officers: a background job per export, its file and its manifest (docs/audit.md). */
import { z } from 'zod';
import { AuditExportJobSchema, AuditExportManifestSchema, CreateAuditExportSchema } from '../audit/audit-export.ts';
import { defineRoute, IdParams, NoBody, NoQuery } from './route.ts';

export const auditExportRoutes = {
  createAuditExport: defineRoute({
    method: 'POST', path: '/audit/exports', auth: true, tag: 'audit',
    summary: "Start an export of the data officer's audit search (CSV or XLSX) as a background job; the reason is recorded with it",
    query: NoQuery, body: CreateAuditExportSchema, response: AuditExportJobSchema,
  }),
  getAuditExport: defineRoute({
    method: 'GET', path: '/audit/exports/:id', auth: true, tag: 'audit',
    summary: 'The status and progress of one of the caller’s exports, with its manifest once complete',
    params: IdParams, query: NoQuery, body: NoBody, response: AuditExportJobSchema,
  }),
  getAuditExportManifest: defineRoute({
    method: 'GET', path: '/audit/exports/:id/manifest', auth: true, tag: 'audit',
    summary: 'The manifest of one of the caller’s complete exports: filters, row count, SHA-256, who, when and why',
    params: IdParams, query: NoQuery, body: NoBody, response: AuditExportManifestSchema,
  }),
  downloadAuditExport: defineRoute({
    method: 'GET', path: '/audit/exports/:id/file', auth: true, tag: 'audit',
    summary: 'Download the file of one of the caller’s complete exports (binary, as an attachment; the download is audited)',
    params: IdParams, query: NoQuery, body: NoBody, response: z.unknown(),
  }),
  downloadAuditExportProofs: defineRoute({
    method: 'GET', path: '/audit/exports/:id/proofs', auth: true, tag: 'audit',
    summary: 'Download the casebridge-audit-proof/v1 file of one of the caller’s complete exports: its checkpoint and every row’s inclusion proof (audited)',
    params: IdParams, query: NoQuery, body: NoBody, response: z.unknown(),
  }),
  deleteAuditExport: defineRoute({
    method: 'DELETE', path: '/audit/exports/:id', auth: true, tag: 'audit',
    summary: 'Cancel one of the caller’s exports (stopping the job) or discard its file; the file is removed either way',
    params: IdParams, query: NoQuery, body: NoBody, response: AuditExportJobSchema,
  }),
} as const;
