/** The agenda's new order after a keyboard move or a drop (docs/marac.md): every item id, once. */
import { arrayMove } from '@dnd-kit/sortable';

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

/**
 * The ids with `id` dropped where `overId` was (dragging down puts it after that item, up before
 * it); null when nothing changes: dropped on itself, outside the list, or an id not on the agenda.
 */
export function dropAgendaItem(ids: readonly string[], id: string, overId: string | null): string[] | null {
  const from = ids.indexOf(id);
  const to = overId === null ? -1 : ids.indexOf(overId);
  if (from < 0 || to < 0 || from === to) {
    return null;
  }
  return arrayMove([...ids], from, to);
}
