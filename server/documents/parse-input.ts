/** zod parsing for the routes registered directly on Fastify (multipart upload, binary download). */
import type { z } from 'zod';
import { CodedError } from '../../domain/errors.ts';

/** Parses a request part with its declared schema, answering validation_error like registerRoute does. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, part: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first && first.path.length > 0 ? ` at ${first.path.join('.')}` : '';
    throw new CodedError('validation_error', `Invalid ${part}${where}: ${first?.message ?? 'bad input'}`);
  }
  return parsed.data;
}
