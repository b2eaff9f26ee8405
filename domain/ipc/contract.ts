/**
 * The typed desktop API: every channel the renderer may call, declared once.
 * The core's handlers, the Electron preload and the loopback client are all derived from this table.
 */
import { z } from 'zod';
import { SessionUserSchema } from '../entities.ts';
import { CaseStatusSchema, CaseTypeSchema, RiskLevelSchema } from '../vocabulary.ts';
import type { Result } from '../result.ts';
import { defineChannel } from './channel.ts';
import { SyncStatusSchema } from './sync-status.ts';

export const SessionStateSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('signed_out') }),
  z.object({ state: z.literal('signed_in'), user: SessionUserSchema }),
]);
/** Whether someone is signed in, and who. */
export type SessionState = z.infer<typeof SessionStateSchema>;

export const QueueRowSchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  title: z.string(),
  caseType: CaseTypeSchema,
  ownerAgencyName: z.string(),
  status: CaseStatusSchema,
  riskLevel: RiskLevelSchema,
  updatedAt: z.string(),
});
/** One row of the practitioner's case queue. */
export type QueueRow = z.infer<typeof QueueRowSchema>;

export const QueuePageSchema = z.object({ rows: z.array(QueueRowSchema), total: z.number().int().nonnegative() });
/** A page of the case queue. */
export type QueuePage = z.infer<typeof QueuePageSchema>;

export const channels = {
  'session.state': defineChannel({ input: z.null(), output: SessionStateSchema, needsSession: false }),
  'session.signIn': defineChannel({
    input: z.object({ username: z.string().trim().min(1).max(100), password: z.string().min(1).max(512) }),
    output: SessionUserSchema,
    needsSession: false,
  }),
  'session.signOut': defineChannel({ input: z.object({ wipeCache: z.boolean() }), output: z.null(), needsSession: false }),
  'cases.queue': defineChannel({
    input: z.object({
      filter: z.string().max(200).default(''),
      limit: z.number().int().min(1).max(500).default(100),
      offset: z.number().int().min(0).default(0),
    }),
    output: QueuePageSchema,
    needsSession: true,
  }),
  'sync.status': defineChannel({ input: z.null(), output: SyncStatusSchema, needsSession: false }),
  'sync.now': defineChannel({ input: z.null(), output: SyncStatusSchema, needsSession: true }),
} as const;

/** The channel table's type. */
export type Channels = typeof channels;
/** A channel's name. */
export type ChannelName = keyof Channels;
/** What the renderer passes to a channel (before defaults are applied). */
export type ChannelInput<C extends ChannelName> = z.input<Channels[C]['input']>;
/** What a handler receives after validation. */
export type ChannelParsedInput<C extends ChannelName> = z.output<Channels[C]['input']>;
/** What a channel answers on success. */
export type ChannelOutput<C extends ChannelName> = z.output<Channels[C]['output']>;

/** Events the core pushes to the renderer. */
export const events = {
  'sync.status': SyncStatusSchema,
  'session.state': SessionStateSchema,
} as const;
/** An event's name. */
export type EventName = keyof typeof events;
/** An event's payload. */
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

/**
 * The desktop API as the renderer sees it: one function per channel answering a Result,
 * plus `on` for events, which returns an unsubscribe function.
 */
export type DesktopApi = {
  [C in ChannelName]: (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>;
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

/** The list of channel names, for code that registers or exposes them one by one. */
export const CHANNEL_NAMES = Object.keys(channels) as ChannelName[];
/** The list of event names. */
export const EVENT_NAMES = Object.keys(events) as EventName[];
