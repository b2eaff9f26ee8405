/** Stable machine-readable error codes shared by the HTTP API, the IPC contract and the UI. */
export const ERROR_CODES = [
  'validation_error',
  'authentication_error',
  'authorization_error',
  'not_found',
  'conflict',
  'rate_limited',
  'account_locked',
  'payload_too_large',
  'reset_required',
  'network_error',
  'server_unavailable',
  'keychain_unavailable',
  'session_locked',
  'not_signed_in',
  'internal_error',
  'totp_required',
  'totp_enrolment_required',
  'device_revoked',
  'unsent_work',
  'password_change_required',
  /** A legal hold on the record blocks the change (erasure). */
  'legal_hold',
] as const;

/** One of the stable error codes; the UI branches on this, never on the message. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The error shape on the wire, over HTTP and IPC alike. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
}

/** An error that carries a stable code across a trust boundary. */
export class CodedError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CodedError';
  }
}

/** True when a value is one of the known error codes. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
