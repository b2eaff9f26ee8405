/** Persons (the golden nominal), aliases, identifiers, locations, duplicate matches and merges. */

export const personRoutes = {} as const;
