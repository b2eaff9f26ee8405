/** Fills a route's `:name` path segments from its parameters. */

/** Replaces each `:name` with the encoded parameter; a missing one is a programming error, thrown before any request. */
export function fillPath(routeName: string, path: string, params: Readonly<Record<string, unknown>> | undefined): string {
  return path.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, (_segment, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null || value === '') {
      throw new Error(`Route ${routeName} needs the path parameter "${name}".`);
    }
    if (typeof value !== 'string' && typeof value !== 'number') {
      throw new Error(`Route ${routeName}: path parameter "${name}" must be a string or number.`);
    }
    return encodeURIComponent(String(value));
  });
}
