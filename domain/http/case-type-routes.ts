/** Case types and system settings for the system administrator (docs/decisions.md). */
import { z } from 'zod';
import { AdminCaseTypeSchema, CreateCaseTypeBodySchema, UpdateCaseTypeBodySchema } from '../entities/case-type.ts';
import { SetTaskEscalationDaysBodySchema, SystemSettingsSchema } from '../entities/system-setting.ts';
import { CaseTypeSchema } from '../vocabulary.ts';
import { defineRoute, NoBody, NoQuery } from './route.ts';

const CodeParams = z.object({ code: CaseTypeSchema }).strict();

export const caseTypeRoutes = {
  listCaseTypes: defineRoute({
    method: 'GET', path: '/case-types', auth: true, tag: 'case-types',
    summary: 'Every case type, retired ones too, with how many cases have it (system administrators)',
    query: NoQuery, body: NoBody, response: z.object({ caseTypes: z.array(AdminCaseTypeSchema) }),
  }),
  createCaseType: defineRoute({
    method: 'POST', path: '/case-types', auth: true, tag: 'case-types',
    summary: 'Add a case type by its name, which must be unique (system administrators; audited)',
    query: NoQuery, body: CreateCaseTypeBodySchema, response: AdminCaseTypeSchema,
  }),
  updateCaseType: defineRoute({
    method: 'PATCH', path: '/case-types/:code', auth: true, tag: 'case-types',
    summary: 'Rename a case type, retire it (no new case may have it; existing cases keep it) or bring it back (system administrators; audited)',
    params: CodeParams, query: NoQuery, body: UpdateCaseTypeBodySchema, response: AdminCaseTypeSchema,
  }),
} as const;

export const systemSettingRoutes = {
  getSystemSettings: defineRoute({
    method: 'GET', path: '/settings', auth: true, tag: 'settings',
    summary: 'The system settings, such as the days before an overdue task escalates (system administrators)',
    query: NoQuery, body: NoBody, response: SystemSettingsSchema,
  }),
  setTaskEscalationDays: defineRoute({
    method: 'PUT', path: '/settings/task-escalation-days', auth: true, tag: 'settings',
    summary: 'Set how many days a task may be overdue before it escalates, 1 to 30 (system administrators; audited; reaches desktops by sync)',
    query: NoQuery, body: SetTaskEscalationDaysBodySchema, response: SystemSettingsSchema,
  }),
} as const;
