/** One error handler: stable codes, no stack traces or SQL in answers, no personal data in logs. */
import type { FastifyError, FastifyInstance } from 'fastify';
import { CodedError } from '../../domain/errors.ts';
import { statusFor } from './http-error.ts';

/** Installs the error and not-found handlers on an app. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | CodedError | Error, request, reply) => {
    if (error instanceof CodedError) {
      return reply.status(statusFor(error.code)).send({ error: { code: error.code, message: error.message } });
    }
    const statusCode = 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (statusCode === 413) {
      return reply.status(413).send({ error: { code: 'payload_too_large', message: 'The request body is too large.' } });
    }
    if (statusCode === 429) {
      return reply.status(429).send({ error: { code: 'rate_limited', message: 'Too many requests; slow down.' } });
    }
    if (statusCode >= 400 && statusCode < 500) {
      return reply.status(statusCode).send({ error: { code: 'validation_error', message: 'The request could not be read.' } });
    }
    // Log the error class and route only: messages from drivers can echo SQL or values.
    request.log.error({ err: { name: error.name, code: (error as FastifyError).code }, route: request.routeOptions.url }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'internal_error', message: 'Something went wrong on the server.' } });
  });
  app.setNotFoundHandler((_request, reply) =>
    reply.status(404).send({ error: { code: 'not_found', message: 'No such route.' } }),
  );
}
