/**
 * The webhook server on a fresh test store, with a recording logger, its own metrics registry and
 * a settable clock, for route tests (inject) and live-HTTP tests alike.
 */
import type { FastifyInstance } from 'fastify';
import { Registry } from 'prom-client';
import { buildHttpServer } from '../../src/http/build-http-server.js';
import type { ReadinessReport } from '../../src/http/operations-routes.js';
import type { Store } from '../../src/ports/store.js';
import { recordingLogger, type LogRecord } from './recording-logger.js';

export interface WebhookServerHarness {
  readonly server: FastifyInstance;
  readonly logs: LogRecord[];
  readonly registry: Registry;
  /** Moves the server's clock. */
  setNow(at: Date): void;
  setReadiness(report: ReadinessReport): void;
}

/** Builds the server over `store`; the clock starts at `now`. */
export async function startWebhookServer(
  store: Store,
  options: { now: () => Date; maxCallbackAgeMs?: number },
): Promise<WebhookServerHarness> {
  const { logger, records } = recordingLogger();
  const registry = new Registry();
  let clock = options.now;
  let readiness: ReadinessReport = { ok: true, checks: { database: 'ok' } };
  const server = await buildHttpServer({
    webhooks: store.webhooks,
    inbox: store.inbox,
    logger,
    ready: async () => readiness,
    metrics: registry,
    now: () => clock(),
    ...(options.maxCallbackAgeMs === undefined ? {} : { maxCallbackAgeMs: options.maxCallbackAgeMs }),
  });
  return {
    server,
    logs: records,
    registry,
    setNow: (at) => {
      clock = () => at;
    },
    setReadiness: (report) => {
      readiness = report;
    },
  };
}
