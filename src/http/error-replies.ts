/**
 * Every failure leaves the server as JSON `{ error, message }`: a stable code and a sentence,
 * never a stack trace or the request body.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError } from '../domain/app-error.js';
import type { Logger } from '../ports/logger.js';

/** The JSON shape of every error response. */
export interface ErrorBody {
  readonly error: string;
  readonly message: string;
}

function isFastifyClientError(error: unknown): error is FastifyError & { statusCode: number } {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 500;
}

/** Installs the error and not-found handlers of `server`. */
export function installErrorReplies(server: FastifyInstance, logger: Logger): void {
  server.setErrorHandler(async (error: unknown, request, reply) => {
    if (error instanceof AppError && error.httpStatus < 500) {
      return reply
        .code(error.httpStatus)
        .send({ error: error.code, message: error.message } satisfies ErrorBody);
    }
    if (isFastifyClientError(error)) {
      // Fastify's own client errors (body too large, bad content type…) say what went wrong.
      return reply
        .code(error.statusCode)
        .send({ error: error.code ?? 'BAD_REQUEST', message: error.message } satisfies ErrorBody);
    }
    const message = error instanceof Error ? error.message : String(error);
    logger.error({ method: request.method, url: request.url, error: message }, 'Request failed');
    const status = error instanceof AppError ? error.httpStatus : 500;
    return reply.code(status).send({
      error: error instanceof AppError ? error.code : 'INTERNAL',
      message: 'The request could not be handled.',
    } satisfies ErrorBody);
  });
  server.setNotFoundHandler(async (request, reply) =>
    reply.code(404).send({
      error: 'NOT_FOUND',
      message: `No route for ${request.method} ${request.url.split('?')[0] ?? ''}.`,
    } satisfies ErrorBody),
  );
}
