/**
 * Stopping the server on SIGTERM: stop accepting, let requests in flight finish (a callback being
 * written to the inbox must still be acknowledged), and give up after a deadline.
 */
import type { FastifyInstance } from 'fastify';

/** How the close went: `drained` is false when the deadline cut requests off. */
export interface CloseResult {
  readonly drained: boolean;
}

/** How often sockets that finished their request are closed while draining. */
const IDLE_SWEEP_MS = 50;

/**
 * Closes `server` (Fastify `close()`: no new connections, requests in flight completed). After
 * `timeoutMs`, the remaining connections are destroyed; a callback cut off that way was never
 * acknowledged, so Smartsheet delivers it again.
 */
export async function closeGracefully(server: FastifyInstance, timeoutMs: number): Promise<CloseResult> {
  const http = server.server;
  // close() drops only the sockets idle at that moment; a keep-alive socket whose request ends
  // later would hold the close open, so sweep idle sockets until it completes.
  const sweep = setInterval(() => http.closeIdleConnections(), IDLE_SWEEP_MS);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  const closing = server.close().then(() => 'closed' as const);
  try {
    if ((await Promise.race([closing, deadline])) === 'closed') return { drained: true };
    http.closeAllConnections();
    await closing;
    return { drained: false };
  } finally {
    clearInterval(sweep);
    clearTimeout(timer);
  }
}
