/** The frame of a workspace screen: a section named by its heading, laid out as one column. */
import type { ReactNode } from 'react';
import styles from './Page.module.css';

/** The section's accessible name (its heading's id), whether it is loading, its test id, and its content. */
export interface PageProps {
  'aria-labelledby': string;
  'aria-busy'?: boolean | undefined;
  'data-testid'?: string | undefined;
  children: ReactNode;
}

/** A `<section>` with the screens' shared layout. */
export function Page({ children, ...attributes }: PageProps) {
  return (
    <section className={styles.page} {...attributes}>
      {children}
    </section>
  );
}
