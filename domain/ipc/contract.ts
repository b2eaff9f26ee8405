/**
 * The typed desktop API: every channel the renderer may call, declared once.
 * The core's handlers, the Electron preload and the loopback client are all derived from this table.
 */
import type { z } from 'zod';
import type { Result } from '../result.ts';
import { accessRequestChannels } from './access-request-channels.ts';
import { adminChannels } from './admin-channels.ts';
import { auditChannels } from './audit-channels.ts';
import { auditExportChannels } from './audit-export-channels.ts';
import { retentionChannels } from './retention-channels.ts';
import { caseChannels } from './case-channels.ts';
import { changeChannels } from './change-channels.ts';
import { dashboardChannels } from './dashboard-channels.ts';
import { documentChannels } from './document-channels.ts';
import { locationChannels } from './location-channels.ts';
import { maracChannels } from './marac-channels.ts';
import { maracDataReturnChannels } from './marac-data-return-channels.ts';
import { maracMeetingChannels } from './marac-meeting-channels.ts';
import { markerChannels } from './marker-channels.ts';
import { notificationChannels, NotificationsArrivedSchema } from './notification-channels.ts';
import { personChannels } from './person-channels.ts';
import { preferencesChannels } from './preferences-channels.ts';
import { sarChannels } from './sar-channels.ts';
import { SessionStateSchema } from './session-state.ts';
import { sessionChannels } from './session-channels.ts';
import { reportChannels } from './report-channels.ts';
import { sharingChannels } from './sharing-channels.ts';
import { syncChannels } from './sync-channels.ts';
import { taskChannels } from './task-channels.ts';
import { SyncStatusSchema } from './sync-status.ts';

export { QueueChoicesSchema, QueuePageSchema, QueueRowSchema, type QueueChoices, type QueuePage, type QueueRow } from './queue-page.ts';
export { SessionStateSchema, type SessionState } from './session-state.ts';

export const channels = {
  ...sessionChannels,
  ...caseChannels,
  ...personChannels,
  ...locationChannels,
  ...changeChannels,
  ...syncChannels,
  ...documentChannels,
  ...notificationChannels,
  ...preferencesChannels,
  ...accessRequestChannels,
  ...auditChannels,
  ...auditExportChannels,
  ...retentionChannels,
  ...maracChannels,
  ...maracMeetingChannels,
  ...maracDataReturnChannels,
  ...dashboardChannels,
  ...taskChannels,
  ...sharingChannels,
  ...reportChannels,
  ...markerChannels,
  ...adminChannels,
  ...sarChannels,
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
  'notifications.arrived': NotificationsArrivedSchema,
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
