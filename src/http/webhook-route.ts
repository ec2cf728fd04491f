/**
 * `POST /webhooks/smartsheet`: the Smartsheet callback endpoint. It keeps the body as raw bytes
 * (the HMAC covers them exactly), lets the ingest service decide, and maps the outcome to the
 * status Smartsheet expects: 200 only once the callback is durably stored (§6.8).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Logger } from '../ports/logger.js';
import type { InboxStore, WebhookStore } from '../ports/webhook-store.js';
import { ingestWebhookCallback, type IngestOutcome } from '../services/ingest-webhook-callback.js';
import type { ErrorBody } from './error-replies.js';
import type { WebhookMetrics } from './webhook-metrics.js';

/** Where Smartsheet posts callbacks; the webhook's `callbackUrl` must end in this path. */
export const WEBHOOK_PATH = '/webhooks/smartsheet';

export interface WebhookRouteDeps {
  readonly webhooks: WebhookStore;
  readonly inbox: InboxStore;
  readonly logger: Logger;
  readonly metrics: WebhookMetrics;
  readonly now: () => Date;
  readonly maxCallbackAgeMs: number;
}

function singleHeader(value: string | string[] | undefined): string | undefined {
  // A repeated header is ambiguous; treat it as absent rather than pick one.
  return typeof value === 'string' ? value : undefined;
}

function refuse(reply: FastifyReply, status: number, body: ErrorBody): FastifyReply {
  return reply.code(status).send(body);
}

function answer(reply: FastifyReply, outcome: IngestOutcome): FastifyReply {
  switch (outcome.kind) {
    case 'challenge':
      return reply
        .header('smartsheet-hook-response', outcome.challenge)
        .send({ smartsheetHookResponse: outcome.challenge });
    case 'accepted':
    case 'duplicate':
      return reply.send({ ok: true });
    case 'unknown_webhook':
      return refuse(reply, 403, {
        error: 'UNKNOWN_WEBHOOK',
        message: 'This receiver did not register that webhook.',
      });
    case 'bad_signature':
      return refuse(reply, 401, {
        error: 'BAD_SIGNATURE',
        message: 'Smartsheet-Hmac-SHA256 is missing or does not match.',
      });
    case 'malformed':
      return refuse(reply, 400, { error: 'MALFORMED_CALLBACK', message: outcome.reason });
    case 'stale':
      return refuse(reply, 400, { error: 'STALE_CALLBACK', message: outcome.reason });
  }
}

/** Logs what an operator needs to investigate; never the body, the signature or the secret. */
function logOutcome(logger: Logger, outcome: IngestOutcome): void {
  const fields = { webhookId: outcome.webhookId, outcome: outcome.kind };
  switch (outcome.kind) {
    case 'bad_signature':
    case 'stale':
    case 'malformed':
      logger.warn({ ...fields, reason: outcome.reason }, 'Webhook request refused');
      return;
    case 'unknown_webhook':
      logger.warn(fields, 'Webhook request for an unknown webhook refused');
      return;
    case 'accepted':
      if (outcome.newWebhookStatus !== undefined)
        logger.info({ ...fields, newWebhookStatus: outcome.newWebhookStatus }, 'Webhook status changed');
      else logger.debug(fields, 'Webhook callback stored');
      return;
    case 'duplicate':
    case 'challenge':
      logger.debug(fields, 'Webhook request answered');
  }
}

/** Registers the webhook route, in its own context so its raw-body parser stays local to it. */
export async function webhookRoute(server: FastifyInstance, deps: WebhookRouteDeps): Promise<void> {
  await server.register(async (scope) => {
    // Every content type arrives as bytes: Fastify's JSON parser would lose the exact body.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));

    scope.post(WEBHOOK_PATH, {
      onResponse: async (_request, reply) => {
        deps.metrics.ackSeconds.observe(reply.elapsedTime / 1000);
      },
      handler: async (request, reply) => {
        const rawBody = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const outcome = await ingestWebhookCallback(deps, {
          rawBody,
          signature: singleHeader(request.headers['smartsheet-hmac-sha256']),
          challengeHeader: singleHeader(request.headers['smartsheet-hook-challenge']),
          receivedAt: deps.now(),
        });
        deps.metrics.callbacks.inc({ outcome: outcome.kind });
        logOutcome(deps.logger, outcome);
        return answer(reply, outcome);
      },
    });
  });
}
