/** The queue's tabs as an ARIA tab list: one tab stop, arrows/Home/End move and choose, the chosen tab owns the panel. */
import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { QUEUE_TABS, type QueueTab } from '../../../domain/ipc/case-channels.ts';
import { QUEUE_TAB_LABELS } from '../../words/display-labels.ts';
import styles from './QueueTabs.module.css';

/** Which tab is chosen, how to choose another, and the panel it labels. */
export interface QueueTabsProps {
  idPrefix: string;
  selected: QueueTab;
  onSelect: (tab: QueueTab) => void;
  children: ReactNode;
}

/** Tabs choose on arrow keys too (automatic activation): each tab is one cheap cached read. */
export function QueueTabs({ idPrefix, selected, onSelect, children }: QueueTabsProps) {
  const list = useRef<HTMLDivElement>(null);
  const tabId = (tab: QueueTab) => `${idPrefix}-tab-${tab}`;
  const move = (event: KeyboardEvent<HTMLDivElement>) => {
    const at = QUEUE_TABS.indexOf(selected);
    const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: QUEUE_TABS.length - 1 }[event.key];
    if (to === undefined) {
      return;
    }
    event.preventDefault();
    const tab = QUEUE_TABS[(to + QUEUE_TABS.length) % QUEUE_TABS.length]!;
    onSelect(tab);
    list.current?.querySelector<HTMLButtonElement>(`#${CSS.escape(tabId(tab))}`)?.focus();
  };
  return (
    <>
      <div ref={list} role="tablist" aria-label="Case queue views" className={styles.tabs} onKeyDown={move}>
        {QUEUE_TABS.map((tab) => (
          <button
            key={tab}
            id={tabId(tab)}
            type="button"
            role="tab"
            className={styles.tab}
            aria-selected={tab === selected}
            aria-controls={`${idPrefix}-panel`}
            tabIndex={tab === selected ? 0 : -1}
            onClick={() => onSelect(tab)}
          >
            {QUEUE_TAB_LABELS[tab]}
          </button>
        ))}
      </div>
      <div id={`${idPrefix}-panel`} role="tabpanel" aria-labelledby={tabId(selected)} className={styles.panel}>
        {children}
      </div>
    </>
  );
}
