import type { ErrorBody } from './errors.ts';

/** The answer to every IPC call: a value, or a coded error — never a thrown exception. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorBody };

/** A successful result. */
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

/** A failed result with a stable code. */
export const fail = <T = never>(error: ErrorBody): Result<T> => ({ ok: false, error });
