/** The Notifications screen: what partner agencies did with people this agency owns. Read from the server. */
import { useEffect, useId, useRef, useState } from 'react';
import type { ErrorBody } from '../../../domain/errors.ts';
import type { NotificationView } from '../../../domain/ipc/notification-channels.ts';
import { BackToQueueHeading } from '../../components/BackToQueueHeading.tsx';
import { useDesktopApi } from '../../api/desktop-api-context.ts';
import { NotificationList } from './NotificationList.tsx';
import { RetryAlert } from '../../components/RetryAlert.tsx';

/** What the screen needs from the workspace. */
export interface NotificationsProps {
  onBack: () => void;
}

/** Loads the list once (and again on "Try again"); offline it says the list needs a connection. */
export function Notifications({ onBack }: NotificationsProps) {
  const api = useDesktopApi();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [attempt, setAttempt] = useState(0);
  const [answer, setAnswer] = useState<{ attempt: number; list: NotificationView[] | null; error: ErrorBody | null } | null>(null);

  useEffect(() => {
    let current = true;
    void api['notifications.list'](null).then((result) => {
      if (current) {
        setAnswer(result.ok ? { attempt, list: result.value.notifications, error: null } : { attempt, list: null, error: result.error });
      }
    });
    return () => {
      current = false;
    };
  }, [api, attempt]);

  useEffect(() => {
    heading.current?.focus();
  }, []);

  const loading = answer?.attempt !== attempt;
  return (
    <section className="problems" aria-labelledby={`${id}-title`} aria-busy={loading} data-testid="notifications">
      <BackToQueueHeading id={`${id}-title`} title="Notifications" headingRef={heading} onBack={onBack} />
      <p className="problems__intro">What partner agencies did with people your agency owns.</p>
      {loading && <p className="problems__intro">Loading…</p>}
      {!loading && answer?.error && <RetryAlert error={answer.error} onRetry={() => setAttempt((n) => n + 1)} className="problems__empty" />}
      {!loading && answer?.list && <NotificationList notifications={answer.list} />}
    </section>
  );
}
