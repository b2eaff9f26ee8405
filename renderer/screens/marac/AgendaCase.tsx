/**
 * One agenda case's research (facts apart from opinion), minutes and actions, with the forms the
 * caller may use. Minutes and actions recorded with no network wait on this computer, marked as
 * waiting to sync (record-meeting-change.ts); research needs the server.
 */
import { useId, useState, type FormEvent } from 'react';
import type { AgendaItem } from '../../../domain/entities/marac-meeting.ts';
import { newId } from '../../../domain/ids.ts';
import type { MeetingView } from '../../../domain/ipc/marac-meeting-channels.ts';
import { RESEARCH_NATURES, type ResearchNature } from '../../../domain/marac/meeting-pack.ts';
import { useDesktopApi } from '../../api/desktop-api-context.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { meetingErrorMessage as messageOf, RESEARCH_NATURE_LABELS } from '../../words/marac-meeting-words.ts';
import { ActionTable } from './ActionTable.tsx';
import styles from './Meetings.module.css';
import { recordMeetingChange } from './record-meeting-change.ts';

/** What the case section needs. */
export interface AgendaCaseProps {
  meeting: MeetingView;
  item: AgendaItem;
  onChange: (m: MeetingView) => void;
}

/** Research by nature, then minutes and actions. */
export function AgendaCase({ meeting, item, onChange }: AgendaCaseProps) {
  return (
    <>
      {RESEARCH_NATURES.map((nature) => {
        const items = item.research.filter((r) => r.nature === nature);
        return (
          <div key={nature}>
            <h4>{RESEARCH_NATURE_LABELS[nature]}</h4>
            {items.length === 0 ? <p className={styles.intro}>None you may see.</p> : (
              <ul>
                {items.map((r) => <li key={r.id}><strong>{r.agency.name}{r.restricted ? ' (kept to its agency)' : ''}:</strong> {r.text}</li>)}
              </ul>
            )}
          </div>
        );
      })}
      {meeting.abilities.addResearch && !meeting.copy.fromCopy && <ResearchForm meeting={meeting} item={item} onChange={onChange} />}
      <h4>Minutes</h4>
      {meeting.copy.waitingToSync.minutes.includes(item.id) && <p className={styles.intro}>These minutes are waiting to sync.</p>}
      {meeting.abilities.run ? <MinutesForm meeting={meeting} item={item} onChange={onChange} /> : <p>{item.minutes ?? 'No minutes yet.'}</p>}
      <h4>Actions</h4>
      <ActionTable actions={item.actions} label={`Actions on ${item.victimName}`} waiting={meeting.copy.waitingToSync.actions} />
      {meeting.abilities.run && <ActionForm meeting={meeting} item={item} onChange={onChange} />}
    </>
  );
}

function ResearchForm({ meeting, item, onChange }: AgendaCaseProps) {
  const id = useId();
  const api = useDesktopApi();
  const [nature, setNature] = useState<ResearchNature>('fact');
  const [text, setText] = useState('');
  const [restricted, setRestricted] = useState(false);
  const add = useSubmit(() => api['marac.meetings.addResearch']({ meetingId: meeting.id, research: { agendaItemId: item.id, nature, text, restricted } }), {
    onSuccess: (m) => {
      onChange(m);
      setText('');
      setRestricted(false);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void add.submit();
  };
  return (
    <form onSubmit={submit} noValidate aria-label={`Add research on ${item.victimName}`} className={styles.grid}>
      <fieldset>
        <legend>Your agency’s research: fact or opinion?</legend>
        {RESEARCH_NATURES.map((n) => (
          <label key={n} className={styles.check}><input type="radio" name={`${id}-nature`} value={n} checked={nature === n} onChange={() => setNature(n)} />{RESEARCH_NATURE_LABELS[n]}</label>
        ))}
      </fieldset>
      <label className="field__label" htmlFor={`${id}-text`}>Research</label>
      <textarea id={`${id}-text`} className="field__input field__input--text" rows={3} value={text} onChange={(e) => setText(e.target.value)} />
      <label className={styles.check}><input type="checkbox" checked={restricted} onChange={(e) => setRestricted(e.target.checked)} />Keep to my agency, even after the meeting</label>
      <div><button type="submit" className="button" disabled={add.busy}>Add research</button></div>
      {add.error && <p className="form-error" role="alert">{messageOf(add.error)}</p>}
    </form>
  );
}

function MinutesForm({ meeting, item, onChange }: AgendaCaseProps) {
  const id = useId();
  const api = useDesktopApi();
  const [text, setText] = useState(item.minutes ?? '');
  const [saved, setSaved] = useState('');
  const save = useSubmit(() => recordMeetingChange(api, meeting, { name: 'marac_meeting.setMinutes', args: { meetingId: meeting.id, agendaItemId: item.id, text: text.trim() } },
    () => api['marac.meetings.setMinutes']({ meetingId: meeting.id, minutes: { agendaItemId: item.id, text } })), {
    onSuccess: ({ view, queued }) => {
      onChange(view);
      setSaved(queued ? 'Minutes kept on this computer: they are sent to the server when it is connected.' : 'Minutes saved.');
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save.submit();
  };
  return (
    <form onSubmit={submit} noValidate aria-label={`Minutes for ${item.victimName}`} className={styles.grid}>
      <label className="field__label" htmlFor={`${id}-minutes`}>Minutes</label>
      <textarea id={`${id}-minutes`} className="field__input field__input--text" rows={3} value={text} onChange={(e) => setText(e.target.value)} />
      <div><button type="submit" className="button" disabled={save.busy}>Save the minutes</button></div>
      <p role="status" className={styles.intro}>{saved}</p>
      {save.error && <p className="form-error" role="alert">{messageOf(save.error)}</p>}
    </form>
  );
}

function ActionForm({ meeting, item, onChange }: AgendaCaseProps) {
  const id = useId();
  const api = useDesktopApi();
  const agencies = [meeting.coordinatorAgency, item.referringAgency, ...meeting.attendees.map((a) => a.agency)]
    .filter((a, i, all) => all.findIndex((b) => b.id === a.id) === i);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [owner, setOwner] = useState('');
  const [dueDate, setDueDate] = useState('');
  const ownerAgencyId = owner || agencies[0]?.id || '';
  const [added, setAdded] = useState('');
  const add = useSubmit(() => {
    const action = { agendaItemId: item.id, title, description, ownerAgencyId, dueDate };
    // The task's id is made here, so the action queued offline keeps it when it is pushed.
    return recordMeetingChange(api, meeting, { name: 'marac_meeting.addAction', args: { meetingId: meeting.id, taskId: newId(), ...action } },
      () => api['marac.meetings.addAction']({ meetingId: meeting.id, action }));
  }, {
    onSuccess: ({ view, queued }) => {
      onChange(view);
      setAdded(queued ? 'Action kept on this computer: it is sent to the server when it is connected.' : 'Action added.');
      setTitle('');
      setDescription('');
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void add.submit();
  };
  return (
    <form onSubmit={submit} noValidate aria-label={`Add an action on ${item.victimName}`} className={styles.grid}>
      <label className="field__label" htmlFor={`${id}-title`}>Action (specific)</label>
      <input id={`${id}-title`} className="field__input" value={title} onChange={(e) => setTitle(e.target.value)} />
      <label className="field__label" htmlFor={`${id}-description`}>How everyone will know it is done</label>
      <textarea id={`${id}-description`} className="field__input field__input--text" rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />
      <label className="field__label" htmlFor={`${id}-owner`}>Owner agency</label>
      <select id={`${id}-owner`} className="field__input" value={ownerAgencyId} onChange={(e) => setOwner(e.target.value)}>
        {agencies.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
      </select>
      <label className="field__label" htmlFor={`${id}-due`}>Due date</label>
      <input id={`${id}-due`} className="field__input" type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />
      <div><button type="submit" className="button" disabled={add.busy}>Add the action</button></div>
      <p role="status" className={styles.intro}>{added}</p>
      {add.error && <p className="form-error" role="alert">{messageOf(add.error)}</p>}
    </form>
  );
}
