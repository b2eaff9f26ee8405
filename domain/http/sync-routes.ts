/** The sync protocol's routes (DESIGN.md §4). */
import { z } from 'zod';
import { PullQuerySchema, PullResponseSchema } from './sync-schemas.ts';
import { defineRoute } from './route.ts';

const NoBody = z.undefined();

export const syncRoutes = {
  syncPull: defineRoute({
    method: 'GET', path: '/sync/pull', auth: true, summary: 'A page of changes the caller may see since a cursor',
    query: PullQuerySchema, body: NoBody, response: PullResponseSchema,
  }),
} as const;
