/** The one wording of a zod failure as a `validation_error`, on every boundary: HTTP, sync push, IPC, local changes. */
import type { z } from 'zod';
import { CodedError, type ErrorBody } from './errors.ts';

/** The `validation_error` of a failed parse of `subject`: its first issue, with the path where it sits. */
export function validationError(subject: string, error: z.ZodError): ErrorBody & { code: 'validation_error' } {
  const first = error.issues[0];
  const where = first && first.path.length > 0 ? ` at ${first.path.join('.')}` : '';
  return { code: 'validation_error', message: `Invalid ${subject}${where}: ${first?.message ?? 'bad input'}` };
}

/** Parses `value` with `schema`; on failure throws the `validation_error` of `subject` as a CodedError. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, subject: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const { code, message } = validationError(subject, parsed.error);
    throw new CodedError(code, message);
  }
  return parsed.data;
}
