/**
 * One case on a meeting's agenda, draggable by its handle for whoever runs the meeting, with Move up
 * / Move down beside it (the one-place-at-a-time keyboard way), then its research, minutes and actions.
 */
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { AgendaItem } from '../../../domain/entities/marac-meeting.ts';
import type { MeetingView } from '../../../domain/ipc/marac-meeting-channels.ts';
import { classNames } from '../../components/class-names.ts';
import { formatDate } from '../../words/format-date-time.ts';
import { agendaFlags } from '../../words/marac-meeting-words.ts';
import { AgendaCase } from './AgendaCase.tsx';
import styles from './Meetings.module.css';

/** The reordering controls' state, or null for someone who does not run the meeting. */
export interface AgendaReorder {
  busy: boolean;
  first: boolean;
  last: boolean;
  move: (by: -1 | 1) => void;
}

/** What one agenda case needs. */
export interface SortableAgendaItemProps {
  meeting: MeetingView;
  item: AgendaItem;
  /** Its place in the order shown (1 first). */
  position: number;
  onChange: (m: MeetingView) => void;
  reorder: AgendaReorder | null;
}

/** The list item; dnd-kit moves it while dragged (a transform, set through the DOM, which the CSP allows). */
export function SortableAgendaItem({ meeting, item, position, onChange, reorder }: SortableAgendaItemProps) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: item.id });
  const flags = agendaFlags(item);
  return (
    <li ref={setNodeRef} className={classNames(styles.item, isDragging && styles.dragging)} data-testid="agenda-item"
      style={{ transform: CSS.Translate.toString(transform), transition }}>
      <div className={styles.itemHead}>
        {reorder && (
          <button type="button" ref={setActivatorNodeRef} className={classNames('button', styles.handle)} {...attributes} {...listeners}
            aria-label={`Drag to reorder: ${item.victimName}`} title="Drag to reorder" data-testid="agenda-drag-handle">
            <span aria-hidden="true">⠿</span>
          </button>
        )}
        <h3>{position}. {item.victimName} · {item.caseReference}</h3>
      </div>
      <p>Referred by {item.referringAgency.name} on {formatDate(item.referredOn)} · DASH {item.score} ({item.band}){flags && <> · <span className={styles.flags}>{flags}</span></>}</p>
      {reorder && (
        <div className={styles.row}>
          <button type="button" className="button" disabled={reorder.first || reorder.busy} onClick={() => reorder.move(-1)} aria-label={`Move up: ${item.victimName}`}>Move up</button>
          <button type="button" className="button" disabled={reorder.last || reorder.busy} onClick={() => reorder.move(1)} aria-label={`Move down: ${item.victimName}`}>Move down</button>
        </div>
      )}
      <AgendaCase meeting={meeting} item={item} onChange={onChange} />
    </li>
  );
}
