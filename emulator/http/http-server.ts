// The node:http server: /2.0/… is the Smartsheet API, /__emulator/… the control plane, /files/… the
// temporary attachment downloads. node:http directly (no framework) so raw bodies, trailing
// slashes, 405s and dropped connections behave exactly as written here.
import http from 'node:http';
import type { Socket } from 'node:net';
import { handleControlRequest } from '../control/handle-control-request.js';
import { controlRouteTable } from '../control/control-routes.js';
import type { ControlRouteSpec } from '../control/control-request.js';
import { apiErrors } from '../errors/api-error.js';
import { serveDownload } from '../attachments/file-download.js';
import { isoSeconds } from '../format/timestamps.js';
import type { EmulatorRuntime } from '../runtime/emulator-runtime.js';
import { handleApiRequest } from './api-pipeline.js';
import { apiRouteTable } from './api-routes.js';
import { errorBody, JSON_CONTENT_TYPE, sendApiError } from './send-response.js';

const API_PREFIX = '/2.0';
const CONTROL_PREFIX = '/__emulator';
const FILES_PREFIX = '/files/';

/** Answers a client that ended its upload before Content-Length with 1075 instead of Node's bare 400. */
function answerShortUpload(rt: EmulatorRuntime, socket: Socket): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  if (!rt.uploadsInProgress.has(socket)) {
    socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    return;
  }
  const body = Buffer.from(JSON.stringify(errorBody(apiErrors.contentSizeMismatch())));
  socket.end(
    Buffer.concat([
      Buffer.from(
        `HTTP/1.1 400 Bad Request\r\nContent-Type: ${JSON_CONTENT_TYPE}\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`,
      ),
      body,
    ]),
  );
}

export function createEmulatorServer(
  rt: EmulatorRuntime,
  controlRoutes?: readonly ControlRouteSpec[],
): http.Server {
  const api = apiRouteTable();
  const control = controlRouteTable(controlRoutes);

  async function dispatch(incoming: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(incoming.url ?? '/', 'http://emulator.invalid');
    const path = url.pathname;
    if (path.startsWith(`${API_PREFIX}/`)) {
      await handleApiRequest(rt, api, incoming, res, path.slice(API_PREFIX.length), url);
    } else if (path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`)) {
      await handleControlRequest(rt, control, incoming, res, path.slice(CONTROL_PREFIX.length) || '/', url);
    } else if (path.startsWith(FILES_PREFIX)) {
      const status = serveDownload(rt, incoming, res, path.slice(FILES_PREFIX.length));
      rt.requestLog.record({
        at: isoSeconds(rt.clock.now()),
        method: incoming.method ?? 'GET',
        path,
        route: 'GET /files/{token}',
        user: null,
        status,
        weight: 0,
      });
    } else {
      sendApiError(res, apiErrors.notFound());
    }
  }

  const server = http.createServer((incoming, res) => {
    dispatch(incoming, res).catch((error: unknown) => {
      rt.options.onInternalError(error);
      sendApiError(res, apiErrors.unexpected());
    });
  });
  server.on('clientError', (_error, socket: Socket) => answerShortUpload(rt, socket));
  return server;
}
