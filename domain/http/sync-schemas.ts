/** The sync protocol's wire shapes (docs/sync.md): pull, push and the real-time poke. */
import { z } from 'zod';
import { AgencySchema } from '../entities.ts';
import { SyncCaseTypeSchema } from '../entities/case-type.ts';
import { SyncSettingSchema } from '../entities/system-setting.ts';
import { LikelyMatchSchema } from '../entities/person.ts';
import { IdSchema } from '../ids.ts';
import { MutationNameSchema } from '../sync/mutations.ts';
import {
  SyncAccessRequestSchema, SyncCaseLocationSchema, SyncCaseSchema, SyncCaseSubjectSchema, SyncDocumentSchema, SyncLocationSchema, SyncMarkerSchema,
  SyncPersonSchema, SyncReportSchema, SyncTaskSchema,
} from '../sync/sync-records.ts';

/** A pull cursor: an opaque decimal string of the change-log sequence the client has seen. */
export const CursorSchema = z.string().regex(/^\d{1,15}$/, 'cursor must be a change-log position');

const Seq = z.number().int();
export const SyncChangeSchema = z.discriminatedUnion('entity', [
  z.object({ entity: z.literal('agency'), seq: Seq, data: AgencySchema }),
  z.object({ entity: z.literal('case'), seq: Seq, data: SyncCaseSchema }),
  z.object({ entity: z.literal('person'), seq: Seq, data: SyncPersonSchema }),
  z.object({ entity: z.literal('case_subject'), seq: Seq, data: SyncCaseSubjectSchema }),
  z.object({ entity: z.literal('location'), seq: Seq, data: SyncLocationSchema }),
  z.object({ entity: z.literal('case_location'), seq: Seq, data: SyncCaseLocationSchema }),
  z.object({ entity: z.literal('report'), seq: Seq, data: SyncReportSchema }),
  z.object({ entity: z.literal('task'), seq: Seq, data: SyncTaskSchema }),
  z.object({ entity: z.literal('marker'), seq: Seq, data: SyncMarkerSchema }),
  z.object({ entity: z.literal('access_request'), seq: Seq, data: SyncAccessRequestSchema }),
  z.object({ entity: z.literal('document'), seq: Seq, data: SyncDocumentSchema }),
  z.object({ entity: z.literal('case_type'), seq: Seq, data: SyncCaseTypeSchema }),
  z.object({ entity: z.literal('setting'), seq: Seq, data: SyncSettingSchema }),
]);
/** One record the client must upsert (the whole current record, never a diff). */
export type SyncChange = z.infer<typeof SyncChangeSchema>;
/** The entities that travel through sync. */
export type SyncEntity = SyncChange['entity'];
export const SYNC_ENTITIES = [
  'agency', 'case', 'person', 'case_subject', 'location', 'case_location', 'report', 'task', 'marker', 'access_request', 'document',
  'case_type', 'setting',
] as const;

/**
 * A record the client must delete because the user can no longer see it (revoked share, merge,
 * erasure). Deleting a record the client does not hold is a no-op. The client cascades only to
 * records never visible without their parent: removing a case removes its case subjects, case
 * locations (the links), reports and documents; removing a location removes its case locations;
 * removing a report removes its documents. Tasks, persons, locations and markers do NOT cascade (an
 * assignee may keep a task of a case they cannot see; a person or an address may still be visible
 * through another case or its owner agency; a staff-safety marker stays visible to every involved
 * agency): the server lists each one the user can no longer see. The server names only records the
 * user could see at some point (docs/access.md).
 */
export const SyncRemovalSchema = z.object({ entity: z.enum(SYNC_ENTITIES), id: IdSchema });
export type SyncRemoval = z.infer<typeof SyncRemovalSchema>;

/** A desktop's outbox identity: bound to the first user who pushes with it. */
export const ClientIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'clientId must be 8–64 letters, digits, - or _');

export const PullQuerySchema = z.object({
  cursor: CursorSchema.optional(),
  /** At most this many change-log rows are scanned per page (not only this many results). */
  limit: z.coerce.number().int().min(1).max(1000).default(500),
  /** When given, the answer carries this client's last applied mutation id. */
  clientId: ClientIdSchema.optional(),
});

export const PullResponseSchema = z.object({
  changes: z.array(SyncChangeSchema),
  removals: z.array(SyncRemovalSchema),
  cursor: CursorSchema,
  hasMore: z.boolean(),
  lastMutationId: z.number().int().nonnegative(),
});
/** One page of a pull. */
export type PullResponse = z.infer<typeof PullResponseSchema>;

/**
 * Bootstrap phases, in the order the server serves them: what a practitioner needs first (the
 * directory, whose first page also carries the case types and system settings, open cases with
 * tasks assigned to them, then other open cases, each with its parts),
 * then the rest. Together they cover every record the user may see.
 */
export const BOOTSTRAP_PHASES = ['agencies', 'my_tasks', 'open_cases', 'other_cases', 'persons', 'locations', 'tasks', 'markers', 'access_requests'] as const;
export const BootstrapPhaseSchema = z.enum(BOOTSTRAP_PHASES);
/** One step of a bootstrap. */
export type BootstrapPhase = z.infer<typeof BootstrapPhaseSchema>;

/** How a bootstrap page travels: `records` (objects, the default) or `compact` (tables of rows, domain/http/bootstrap-compact.ts). */
export const BootstrapFormatSchema = z.enum(['records', 'compact']);

export const BootstrapQuerySchema = z.object({
  /** The change-log position the bootstrap is pinned at; absent on the first page (the server pins its head). */
  snapshot: CursorSchema.optional(),
  phase: BootstrapPhaseSchema.default('agencies'),
  /** Resume after this anchor id within the phase (keyset paging). */
  after: IdSchema.optional(),
  /** At most this many anchors (cases, tasks, persons…) per page; a case brings its parts with it. */
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** The page's format; a caller that does not ask gets the object page. */
  format: BootstrapFormatSchema.default('records'),
});

/** Where the next bootstrap page starts; null when the bootstrap is complete. */
export const BootstrapNextSchema = z.object({ phase: BootstrapPhaseSchema, after: IdSchema.nullable() }).nullable();
/** The position of the next bootstrap page. */
export type BootstrapNext = z.infer<typeof BootstrapNextSchema>;

export const BootstrapResponseSchema = z.object({
  /** Pull from here once the bootstrap is complete: later changes arrive through the change log. */
  snapshot: CursorSchema,
  changes: z.array(SyncChangeSchema),
  next: BootstrapNextSchema,
});
/** One page of a bootstrap. */
export type BootstrapResponse = z.infer<typeof BootstrapResponseSchema>;

export const PushMutationSchema = z.object({
  /** Increasing per client; a mutation at or below the stored last id is a replay and is skipped. */
  mutationId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  name: MutationNameSchema,
  /** Parsed per mutation against `MUTATION_ARGS[name]`; a bad one is rejected without stopping the rest. */
  args: z.unknown(),
  /** The record version the client edited from; needed for safety-critical fields. */
  baseVersion: z.number().int().positive().optional(),
});
/** One queued offline mutation. */
export type PushMutation = z.infer<typeof PushMutationSchema>;

export const PushBodySchema = z.object({
  clientId: ClientIdSchema,
  mutations: z.array(PushMutationSchema).min(1).max(100),
}).strict();
/** A push: a client's outbox, in order. */
export type PushBody = z.infer<typeof PushBodySchema>;

export const PushResultSchema = z.object({
  mutationId: z.number().int().positive(),
  status: z.enum(['applied', 'rejected', 'conflict']),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
  /** On conflict: the record's current version and the current values of the contested fields. */
  serverVersion: z.number().int().positive().optional(),
  serverValue: z.record(z.string(), z.union([z.string(), z.null()])).optional(),
  /**
   * On an applied `person.create`: the people the server holds who may be the same person (its
   * duplicate check at push), each full, profile or stub as the user may see them. The desktop
   * keeps them as a review item (docs/sync.md, "People to review").
   */
  likelyMatches: z.array(LikelyMatchSchema).max(10).optional(),
});
/** What became of one mutation. */
export type PushResult = z.infer<typeof PushResultSchema>;

export const PushResponseSchema = z.object({
  results: z.array(PushResultSchema),
  lastMutationId: z.number().int().nonnegative(),
});
/** The answer to a push. */
export type PushResponse = z.infer<typeof PushResponseSchema>;

/** The real-time socket's path. The first client message must be `{ type: 'auth', token }` (a browser cannot set headers; the token never goes in the URL). */
export const SYNC_SOCKET_PATH = '/sync/ws';
export const SocketClientMessageSchema = z.object({ type: z.literal('auth'), token: z.string().min(1).max(4096) }).strict();
/** `ready` after authentication; `poke` when something the user may see (or lost) changed: pull now. Pokes carry no data. */
export const SocketServerMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('poke') }),
]);
export type SocketServerMessage = z.infer<typeof SocketServerMessageSchema>;
