/** The top of a screen reached from the queue: a "Back to case queue" button over the screen's focusable heading. */
import type { Ref } from 'react';
import styles from './BackToQueueHeading.module.css';

/** The heading's id (for the section's aria-labelledby), its text, its ref (focused on arrival) and where Back goes. */
export interface BackToQueueHeadingProps {
  id: string;
  title: string;
  headingRef: Ref<HTMLHeadingElement>;
  onBack: () => void;
  /** The Back button's words when it leads elsewhere than the queue (e.g. "Back to the case"). */
  backLabel?: string | undefined;
}

/** Back button and heading, as the Sync problems and Notifications screens show them. */
export function BackToQueueHeading({ id, title, headingRef, onBack, backLabel = 'Back to case queue' }: BackToQueueHeadingProps) {
  return (
    <>
      <div className={styles.toolbar}>
        <button type="button" className="button" onClick={onBack}>
          ← {backLabel}
        </button>
      </div>
      <h1 id={id} ref={headingRef} tabIndex={-1} className={styles.title}>
        {title}
      </h1>
    </>
  );
}
