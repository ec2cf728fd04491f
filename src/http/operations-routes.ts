/**
 * Endpoints for the platform running `serve`: liveness, readiness and Prometheus metrics.
 */
import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import type { Logger } from '../ports/logger.js';

/** What a readiness probe reports: overall and per dependency (e.g. `database: 'ok'`). */
export interface ReadinessReport {
  readonly ok: boolean;
  readonly checks: Record<string, string>;
}

export interface OperationsRouteDeps {
  readonly ready: () => Promise<ReadinessReport>;
  readonly metrics: Registry;
  readonly logger: Logger;
}

/** Registers `GET /health`, `GET /ready` and `GET /metrics`. */
export function operationsRoutes(server: FastifyInstance, deps: OperationsRouteDeps): void {
  // Liveness: answering at all proves the event loop runs; dependencies belong to /ready.
  server.get('/health', async () => ({ status: 'ok' }));

  server.get('/ready', async (_request, reply) => {
    let report: ReadinessReport;
    try {
      report = await deps.ready();
    } catch (error) {
      // A probe that throws is a failed probe, reported without its (possibly sensitive) message.
      deps.logger.error(
        { error: error instanceof Error ? error.message : String(error) },
        'Readiness check threw',
      );
      report = { ok: false, checks: { readiness: 'check failed' } };
    }
    return reply.code(report.ok ? 200 : 503).send({ ok: report.ok, checks: report.checks });
  });

  server.get('/metrics', async (_request, reply) => {
    const text = await deps.metrics.metrics();
    return reply.header('content-type', deps.metrics.contentType).send(text);
  });
}
