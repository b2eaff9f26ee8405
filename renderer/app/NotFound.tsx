/** A URL that names no screen (an old link, a typing slip): says so and offers the way back. */
import { Link } from '@tanstack/react-router';
import { Page } from '../components/Page.tsx';
import styles from './NotFound.module.css';

/** "This page does not exist" with a link to the case queue. */
export function NotFound() {
  return (
    <Page aria-labelledby="not-found-title">
      <h1 id="not-found-title" className={styles.title}>
        Page not found
      </h1>
      <p className={styles.intro}>There is no screen at this address.</p>
      <Link to="/queue" className={`button ${styles.back}`}>
        Go to the case queue
      </Link>
    </Page>
  );
}
