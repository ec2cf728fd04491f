// The HTTP server of a process that serves no users (`ledgerline worker`): only what the platform
// running it asks — liveness, readiness and Prometheus metrics — with the same headers and error
// replies as `serve`. Every other path is a 404.
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import type { Logger } from '../ports/logger.js';
import { installErrorReplies } from './error-replies.js';
import { operationsRoutes } from './operations-routes.js';
import type { ReadinessReport } from './operations-routes.js';
import { addSecurityHeaders } from './security-headers.js';

export interface ProbeServerDeps {
  readonly ready: () => Promise<ReadinessReport>;
  readonly metrics: Registry;
  readonly logger: Logger;
}

export function buildProbeServer(deps: ProbeServerDeps): FastifyInstance {
  const server = Fastify({
    logger: false,
    // Probes send no body; anything larger than a small one is not a probe.
    bodyLimit: 16 * 1024,
    requestTimeout: 10_000,
    connectionTimeout: 30_000,
    return503OnClosing: true,
  });
  addSecurityHeaders(server);
  installErrorReplies(server, deps.logger);
  operationsRoutes(server, deps);
  return server;
}
