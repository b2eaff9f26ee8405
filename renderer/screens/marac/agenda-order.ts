/** Moving one agenda item up or down with the keyboard: the new order of every item id (docs/marac.md). */

/** The ids with `id` moved one place up (-1) or down (+1); unchanged at either end or when absent. */
export function moveAgendaItem(ids: readonly string[], id: string, by: -1 | 1): string[] {
  const from = ids.indexOf(id);
  const to = from + by;
  if (from < 0 || to < 0 || to >= ids.length) {
    return [...ids];
  }
  const next = [...ids];
  next[from] = ids[to]!;
  next[to] = id;
  return next;
}
