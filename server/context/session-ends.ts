/** Tells the real-time layer that a user's sessions ended, so their open sockets close at once. */

/** Why sessions ended. */
export const SESSION_END_REASONS = ['second factor reset', 'device revoked', 'account disabled', 'password reset'] as const;
/** One of the reasons. */
export type SessionEndReason = (typeof SESSION_END_REASONS)[number];

/** Whose sessions ended and why; a device id narrows it to the sockets of that device. */
export interface SessionEnd {
  userId: string;
  /** Sent as the socket's close reason, so the client (and a log) can tell why. */
  reason: SessionEndReason;
  deviceId?: string;
}

/** Called after a transaction that ended sessions commits. */
export interface SessionEnds {
  /** Closes the matching sockets on every API node (never throws, never blocks the caller). */
  ended(end: SessionEnd): void;
}

/** Does nothing (used until real time is attached). */
export const silentSessionEnds: SessionEnds = { ended: () => undefined };
