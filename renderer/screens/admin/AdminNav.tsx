/** The heading and the links between the administration screens (users, teams, devices). */
import type { Ref } from 'react';
import { BackToQueueHeading } from '../../components/BackToQueueHeading.tsx';
import { classNames } from '../../components/class-names.ts';
import styles from './Admin.module.css';

/** The administration screens. */
export type AdminSection = 'users' | 'teams' | 'devices';

const SECTIONS: Array<{ key: AdminSection; label: string }> = [
  { key: 'users', label: 'Users' },
  { key: 'teams', label: 'Teams' },
  { key: 'devices', label: 'Devices' },
];

/** What the navigation needs. */
export interface AdminNavProps {
  id: string;
  current: AdminSection;
  headingRef: Ref<HTMLHeadingElement>;
  onBack: () => void;
  onOpen: (section: AdminSection) => void;
}

/** "Back to case queue", the screen's heading, then a button per section (the current one marked). */
export function AdminNav({ id, current, headingRef, onBack, onOpen }: AdminNavProps) {
  const title = SECTIONS.find((s) => s.key === current)!.label;
  return (
    <>
      <BackToQueueHeading id={id} title={`Administration: ${title.toLowerCase()}`} headingRef={headingRef} onBack={onBack} />
      <nav aria-label="Administration" className={styles.nav}>
        {SECTIONS.map((s) => (
          <button
            key={s.key} type="button" className={classNames('button', s.key === current ? styles.current : undefined)}
            aria-current={s.key === current ? 'page' : undefined} onClick={() => onOpen(s.key)}
          >
            {s.label}
          </button>
        ))}
      </nav>
    </>
  );
}
