/** Documents and access requests. */

export const documentRoutes = {} as const;
