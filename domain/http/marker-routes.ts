/** Markers: warnings placed on a case, person or location. */
import { z } from 'zod';
import { CreateMarkerBodySchema, MarkerListQuerySchema, MarkerRecordSchema, PatchMarkerBodySchema } from '../entities/marker.ts';
import { defineRoute, IdParams, NoBody, NoQuery } from './route.ts';

export const markerRoutes = {
  createMarker: defineRoute({
    method: 'POST', path: '/markers', auth: true, tag: 'markers', summary: 'Places a marker on a case, person or location',
    query: NoQuery, body: CreateMarkerBodySchema, response: MarkerRecordSchema,
  }),
  listMarkers: defineRoute({
    method: 'GET', path: '/markers', auth: true, tag: 'markers', summary: 'The markers on a subject the caller may see',
    query: MarkerListQuerySchema, body: NoBody, response: z.object({ markers: z.array(MarkerRecordSchema) }),
  }),
  updateMarker: defineRoute({
    method: 'PATCH', path: '/markers/:id', auth: true, tag: 'markers', summary: 'Changes a marker (owner agency only)',
    params: IdParams, query: NoQuery, body: PatchMarkerBodySchema, response: MarkerRecordSchema,
  }),
} as const;
