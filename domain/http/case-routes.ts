/** Cases, sharing, subjects, links, case locations, reports, tasks and markers. */

export const caseRoutes = {} as const;
