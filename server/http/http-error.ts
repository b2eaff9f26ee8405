/** Maps stable error codes to HTTP statuses, so every error answer has both. */
import type { ErrorCode } from '../../domain/errors.ts';

const STATUS: Record<ErrorCode, number> = {
  validation_error: 400,
  authentication_error: 401,
  authorization_error: 403,
  not_found: 404,
  conflict: 409,
  reset_required: 409,
  payload_too_large: 413,
  account_locked: 423,
  rate_limited: 429,
  internal_error: 500,
  server_unavailable: 503,
  network_error: 502,
  keychain_unavailable: 500,
  session_locked: 423,
  not_signed_in: 401,
  totp_required: 401,
  totp_enrolment_required: 401,
  password_change_required: 401,
  device_revoked: 401,
  unsent_work: 409,
  legal_hold: 409,
};

/** The HTTP status for an error code. */
export function statusFor(code: ErrorCode): number {
  return STATUS[code];
}
