/**
 * A meeting's agenda (docs/marac.md): the cases in order; whoever runs the meeting reorders it by
 * dragging a case's handle (mouse or touch), by the handle's keyboard drag (Space to pick up, arrows,
 * Space to drop, Escape to cancel) or with Move up / Move down. Every reorder sends the whole new
 * order to the server, which keeps it; the new order shows at once and reverts if it is refused.
 */
import {
  closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type Announcements, type DragEndEvent, type ScreenReaderInstructions,
} from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useId, useState } from 'react';
import type { AgendaItem } from '../../../domain/entities/marac-meeting.ts';
import type { MeetingView } from '../../../domain/ipc/marac-meeting-channels.ts';
import { useDesktopApi } from '../../api/desktop-api-context.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { meetingErrorMessage as messageOf } from '../../words/marac-meeting-words.ts';
import { AddToAgenda } from './AddToAgenda.tsx';
import { dropAgendaItem, moveAgendaItem } from './agenda-order.ts';
import styles from './Meetings.module.css';
import { SortableAgendaItem } from './SortableAgendaItem.tsx';

/** What the drag handle tells a screen reader user on focus. */
const INSTRUCTIONS: ScreenReaderInstructions = {
  draggable: 'To move this case, press Space. Use the up and down arrow keys to choose its new place, then press Space again to drop it there, or Escape to cancel. Move up and Move down do the same one place at a time.',
};

/** Announcements naming the case and its place, rather than internal ids. */
function announcements(items: readonly AgendaItem[]): Announcements {
  const name = (id: string | number) => items.find((i) => i.id === id)?.victimName ?? 'The case';
  const place = (id: string | number) => `place ${String(items.findIndex((i) => i.id === id) + 1)} of ${String(items.length)}`;
  return {
    onDragStart: ({ active }) => `Picked up ${name(active.id)}, at ${place(active.id)}.`,
    onDragOver: ({ active, over }) => (over ? `${name(active.id)} is over ${place(over.id)}.` : `${name(active.id)} is not over the agenda.`),
    onDragEnd: ({ active, over }) => (over ? `${name(active.id)} dropped at ${place(over.id)}.` : `${name(active.id)} dropped where it was.`),
    onDragCancel: ({ active }) => `Moving ${name(active.id)} cancelled; it stays where it was.`,
  };
}

/** The agenda section: its cases, and the coordinator's ways to add and reorder them. */
export function MeetingAgenda({ meeting, onChange }: { meeting: MeetingView; onChange: (m: MeetingView) => void }) {
  const id = useId();
  const api = useDesktopApi();
  // The order being saved, shown meanwhile; null once the server's answer (or refusal) is in.
  const [pending, setPending] = useState<string[] | null>(null);
  const [announce, setAnnounce] = useState('');
  const save = useSubmit((itemIds: string[]) => api['marac.meetings.orderAgenda']({ meetingId: meeting.id, itemIds }), {
    onSuccess: (m) => {
      onChange(m);
      setPending(null);
      setAnnounce('Agenda order saved.');
    },
    onFailure: () => setPending(null),
  });
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const byId = new Map(meeting.agenda.map((i) => [i.id, i]));
  const order = pending ?? meeting.agenda.map((i) => i.id);
  const shown = order.map((itemId) => byId.get(itemId)).filter((i): i is AgendaItem => i !== undefined);
  const reorder = (next: string[]) => {
    setAnnounce('');
    setPending(next);
    void save.submit(next);
  };
  const dropped = ({ active, over }: DragEndEvent) => {
    const next = dropAgendaItem(order, String(active.id), over === null ? null : String(over.id));
    if (next !== null) {
      reorder(next);
    }
  };
  // Reordering and adding cases need the server: the offline copy keeps the order it was taken with.
  const run = meeting.abilities.run && !meeting.copy.fromCopy;
  return (
    <section className={styles.section} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Agenda</h2>
      {meeting.hiddenItems > 0 && <p className={styles.intro}>{meeting.hiddenItems === 1 ? 'One case on the agenda is not shared with you.' : `${String(meeting.hiddenItems)} cases on the agenda are not shared with you.`}</p>}
      {run && <AddToAgenda meeting={meeting} onChange={onChange} />}
      {run && shown.length > 1 && <p className={styles.intro}>Drag a case by its handle, or use Move up and Move down, to change the order.</p>}
      {shown.length === 0 ? <p className={styles.intro}>No cases on the agenda you may see.</p> : (
        <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={dropped}
          accessibility={{ screenReaderInstructions: INSTRUCTIONS, announcements: announcements(shown) }}>
          <SortableContext items={order} strategy={verticalListSortingStrategy} disabled={!run || save.busy}>
            <ol className={styles.list}>
              {shown.map((item, index) => (
                <SortableAgendaItem key={item.id} meeting={meeting} item={item} position={index + 1} onChange={onChange}
                  reorder={run ? {
                    busy: save.busy,
                    first: index === 0,
                    last: index === shown.length - 1,
                    move: (by) => reorder(moveAgendaItem(order, item.id, by)),
                  } : null} />
              ))}
            </ol>
          </SortableContext>
        </DndContext>
      )}
      <p role="status" className={styles.intro}>{announce}</p>
      {save.error && <p className="form-error" role="alert">{messageOf(save.error)}</p>}
    </section>
  );
}
