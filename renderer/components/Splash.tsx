/** The centred page shown before anyone is signed in: Casebridge starting, unable to start, or asking to sign in. */
import type { ReactNode } from 'react';
import styles from './Splash.module.css';

/** The page's optional heading, then what it says or asks. */
export function Splash({ title, children }: { title?: string; children: ReactNode }) {
  return (
    <main className={styles.splash}>
      {title !== undefined && <h1 className={styles.title}>{title}</h1>}
      {children}
    </main>
  );
}
