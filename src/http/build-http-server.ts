/**
 * The Fastify server of `ledgerline serve`: the Smartsheet webhook receiver and the operations
 * endpoints. Built from explicit dependencies and returned without listening, so tests can
 * `inject` and the composition root decides where it binds.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import { DEFAULT_MAX_CALLBACK_AGE_MS } from '../domain/webhook-callback.js';
import type { Logger } from '../ports/logger.js';
import type { InboxStore, WebhookStore } from '../ports/webhook-store.js';
import { installErrorReplies } from './error-replies.js';
import { operationsRoutes, type ReadinessReport } from './operations-routes.js';
import { addSecurityHeaders } from './security-headers.js';
import { registerWebhookMetrics } from './webhook-metrics.js';
import { webhookRoute } from './webhook-route.js';

export interface HttpServerDeps {
  readonly webhooks: WebhookStore;
  readonly inbox: InboxStore;
  readonly logger: Logger;
  /** Readiness of the process's dependencies (database, …), asked on every `GET /ready`. */
  readonly ready: () => Promise<ReadinessReport>;
  /** Where the server's metrics are registered and `GET /metrics` reads from. */
  readonly metrics: Registry;
  readonly now: () => Date;
  /** Callbacks older than this are refused as replays; default 7 days (the nonce retention). */
  readonly maxCallbackAgeMs?: number;
  /** Largest accepted request body; default 1 MiB (skinny callbacks are a few KB). */
  readonly bodyLimitBytes?: number;
  /** Trust X-Forwarded-* from a TLS proxy (client IP, https for Secure cookies and HSTS). */
  readonly trustProxy?: boolean;
}

const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * Builds the server with its routes registered, not yet listening; more routes (the dashboard) may
 * still be added before `listen` or `inject`.
 */
export async function buildHttpServer(deps: HttpServerDeps): Promise<FastifyInstance> {
  const server = Fastify({
    // Our Logger port does the logging, with redaction; Fastify's per-request lines would add noise.
    logger: false,
    bodyLimit: deps.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES,
    // Slow or stalled clients must not hold sockets for Node's default 5 minutes.
    requestTimeout: 30_000,
    connectionTimeout: 60_000,
    return503OnClosing: true,
    trustProxy: deps.trustProxy ?? false,
  });
  addSecurityHeaders(server);
  installErrorReplies(server, deps.logger);
  const metrics = registerWebhookMetrics(deps.metrics, deps.inbox);
  await webhookRoute(server, {
    webhooks: deps.webhooks,
    inbox: deps.inbox,
    logger: deps.logger,
    metrics,
    now: deps.now,
    maxCallbackAgeMs: deps.maxCallbackAgeMs ?? DEFAULT_MAX_CALLBACK_AGE_MS,
  });
  operationsRoutes(server, { ready: deps.ready, metrics: deps.metrics, logger: deps.logger });
  return server;
}
