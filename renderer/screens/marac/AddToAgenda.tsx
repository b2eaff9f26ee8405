/** The coordinator's form putting one of the area's referrals on a meeting's agenda (docs/marac.md). */
import { useId, useState, type FormEvent } from 'react';
import type { MeetingView } from '../../../domain/ipc/marac-meeting-channels.ts';
import { useDesktopApi } from '../../api/desktop-api-context.ts';
import { useDesktopQuery } from '../../api/desktop-query.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { formatDate } from '../../words/format-date-time.ts';
import { meetingErrorMessage as messageOf } from '../../words/marac-meeting-words.ts';
import styles from './Meetings.module.css';

/** The coordinator puts one of the area's referrals on the agenda, optionally as an emergency case. */
export function AddToAgenda({ meeting, onChange }: { meeting: MeetingView; onChange: (m: MeetingView) => void }) {
  const id = useId();
  const api = useDesktopApi();
  const referrals = useDesktopQuery('marac.referrals.list', { maracAreaId: meeting.maracArea.id });
  const onAgenda = new Set(meeting.agenda.map((i) => i.caseId));
  const choices = (referrals.data?.referrals ?? []).filter((r) => !onAgenda.has(r.caseId));
  const [referralId, setReferralId] = useState('');
  const [emergency, setEmergency] = useState(false);
  const chosen = choices.some((c) => c.id === referralId) ? referralId : choices[0]?.id ?? '';
  const add = useSubmit(() => api['marac.meetings.addAgendaItem']({ meetingId: meeting.id, item: { referralId: chosen, emergency } }), {
    onSuccess: (m) => {
      onChange(m);
      setEmergency(false);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void add.submit();
  };
  if (choices.length === 0) {
    return <p className={styles.intro}>Every referral of this area you may see is on the agenda.</p>;
  }
  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${id}-title`} className={styles.grid}>
      <h3 id={`${id}-title`}>Add a referral to the agenda</h3>
      <label className="field__label" htmlFor={`${id}-referral`}>Referral</label>
      <select id={`${id}-referral`} className="field__input" value={chosen} onChange={(e) => setReferralId(e.target.value)}>
        {choices.map((r) => <option key={r.id} value={r.id}>{r.victim.displayName} · {r.caseReference} · referred {formatDate(r.referredOn)}</option>)}
      </select>
      <label className={styles.check}><input type="checkbox" checked={emergency} onChange={(e) => setEmergency(e.target.checked)} />Emergency case</label>
      <div><button type="submit" className="button button--primary" disabled={add.busy}>Add to the agenda</button></div>
      {add.error && <p className="form-error" role="alert">{messageOf(add.error)}</p>}
    </form>
  );
}
