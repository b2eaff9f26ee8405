/** Where the demo seed writes: the database, and the configuration that says where document content goes. */
import type { ServerContext } from '../context/server-context.ts';

/** The parts of a server the seed needs (a running server's `ctx` is one). */
export type SeedTarget = Pick<ServerContext, 'db' | 'config'>;
