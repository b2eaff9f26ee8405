/** A URL that names no screen (an old link, a typing slip): says so and offers the way back. */
import { Link } from '@tanstack/react-router';

/** "This page does not exist" with a link to the case queue. */
export function NotFound() {
  return (
    <section className="problems" aria-labelledby="not-found-title">
      <h1 id="not-found-title" className="problems__title">
        Page not found
      </h1>
      <p className="problems__intro">There is no screen at this address.</p>
      <Link to="/queue" className="button">
        Go to the case queue
      </Link>
    </section>
  );
}
