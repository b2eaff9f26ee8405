/** Locations: addresses owned by an agency and placed on cases. */
import { z } from 'zod';
import { CreateLocationBodySchema, LocationRecordSchema, UpdateLocationBodySchema } from '../entities/location.ts';
import { defineRoute, IdParams, NoBody, NoQuery } from './route.ts';

export const locationRoutes = {
  createLocation: defineRoute({
    method: 'POST', path: '/locations', auth: true, tag: 'locations', summary: "Create a location owned by the caller's agency",
    query: NoQuery, body: CreateLocationBodySchema, response: LocationRecordSchema,
  }),
  searchLocations: defineRoute({
    method: 'GET', path: '/locations/search', auth: true, tag: 'locations',
    summary: 'Search visible locations by postcode or address',
    query: z.object({ q: z.string().trim().min(2).max(100) }).strict(), body: NoBody,
    response: z.object({ results: z.array(LocationRecordSchema) }),
  }),
  getLocation: defineRoute({
    method: 'GET', path: '/locations/:id', auth: true, tag: 'locations',
    summary: 'One location: owner agency, or anyone who may see a case at it (the view is audited)',
    params: IdParams, query: NoQuery, body: NoBody, response: LocationRecordSchema,
  }),
  updateLocation: defineRoute({
    method: 'PATCH', path: '/locations/:id', auth: true, tag: 'locations',
    summary: 'Change a location (owner agency; compare-and-set on expectedVersion)',
    params: IdParams, query: NoQuery, body: UpdateLocationBodySchema, response: LocationRecordSchema,
  }),
} as const;
