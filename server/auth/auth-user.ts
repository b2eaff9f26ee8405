/** The authenticated caller, as handlers and visibility filters see it. */
import type { SessionUser } from '../../domain/entities.ts';

/** A signed-in user with agency and teams loaded from the database on each request. */
export type AuthUser = SessionUser;
