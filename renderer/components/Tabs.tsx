/** Views of one screen as an ARIA tab list: one tab stop, arrows/Home/End move and choose, the chosen tab owns the panel. */
import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import styles from './Tabs.module.css';

/** The tabs, which is chosen, how to choose another, and the panel it labels. */
export interface TabsProps<T extends string> {
  idPrefix: string;
  /** The tab list's accessible name, e.g. "Case queue views". */
  label: string;
  tabs: readonly T[];
  labels: Record<T, string>;
  selected: T;
  onSelect: (tab: T) => void;
  children: ReactNode;
}

/** Tabs choose on arrow keys too (automatic activation): each tab is one cheap read of the offline copy. */
export function Tabs<T extends string>({ idPrefix, label, tabs, labels, selected, onSelect, children }: TabsProps<T>) {
  const list = useRef<HTMLDivElement>(null);
  const tabId = (tab: T) => `${idPrefix}-tab-${tab}`;
  const move = (event: KeyboardEvent<HTMLDivElement>) => {
    const at = tabs.indexOf(selected);
    const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (to === undefined) {
      return;
    }
    event.preventDefault();
    const tab = tabs[(to + tabs.length) % tabs.length]!;
    onSelect(tab);
    list.current?.querySelector<HTMLButtonElement>(`#${CSS.escape(tabId(tab))}`)?.focus();
  };
  return (
    <>
      <div ref={list} role="tablist" aria-label={label} className={styles.tabs} onKeyDown={move}>
        {tabs.map((tab) => (
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
            {labels[tab]}
          </button>
        ))}
      </div>
      <div id={`${idPrefix}-panel`} role="tabpanel" aria-labelledby={tabId(selected)} className={styles.panel}>
        {children}
      </div>
    </>
  );
}
