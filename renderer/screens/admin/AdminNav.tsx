/** The heading and the links between the administration screens (users, teams, devices; agencies, agreements and MARAC areas for system admins). */
import type { Ref } from 'react';
import type { Role } from '../../../domain/vocabulary.ts';
import { BackToQueueHeading } from '../../components/BackToQueueHeading.tsx';
import { classNames } from '../../components/class-names.ts';
import styles from './Admin.module.css';

/** The administration screens. */
export type AdminSection = 'users' | 'teams' | 'devices' | 'agencies' | 'agreements' | 'marac-areas' | 'case-types' | 'settings';

const SECTIONS: Array<{ key: AdminSection; label: string; systemOnly?: true }> = [
  { key: 'users', label: 'Users' },
  { key: 'teams', label: 'Teams' },
  { key: 'devices', label: 'Devices' },
  { key: 'agencies', label: 'Agencies', systemOnly: true },
  { key: 'agreements', label: 'Sharing agreements', systemOnly: true },
  { key: 'marac-areas', label: 'MARAC areas', systemOnly: true },
  { key: 'case-types', label: 'Case types', systemOnly: true },
  { key: 'settings', label: 'System settings', systemOnly: true },
];

/** The sections a role may open: agencies, sharing agreements and MARAC areas only for a system administrator. */
export function adminSectionsFor(role: Role): AdminSection[] {
  return SECTIONS.filter((s) => !s.systemOnly || role === 'system_admin').map((s) => s.key);
}

/** What the navigation needs. */
export interface AdminNavProps {
  id: string;
  /** The signed-in administrator's role, deciding which sections are offered. */
  role: Role;
  current: AdminSection;
  headingRef: Ref<HTMLHeadingElement>;
  onBack: () => void;
  onOpen: (section: AdminSection) => void;
}

/** "Back to case queue", the screen's heading, then a button per section (the current one marked). */
export function AdminNav({ id, role, current, headingRef, onBack, onOpen }: AdminNavProps) {
  const title = SECTIONS.find((s) => s.key === current)!.label;
  const offered = adminSectionsFor(role);
  return (
    <>
      <BackToQueueHeading id={id} title={`Administration: ${title === 'MARAC areas' ? title : title.toLowerCase()}`} headingRef={headingRef} onBack={onBack} />
      <nav aria-label="Administration" className={styles.nav}>
        {SECTIONS.filter((s) => offered.includes(s.key)).map((s) => (
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
