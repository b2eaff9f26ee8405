/** Audit search, break-glass and exports for data officers (DESIGN.md §6). */

export const auditRoutes = {} as const;
