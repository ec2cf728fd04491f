// Serving one control-plane request: match the table, parse the JSON body, answer JSON. Problems
// with the request are 400 `{ error }`; these routes never use Smartsheet's error shape.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from '../http/read-body.js';
import type { RouteTable } from '../http/route-matcher.js';
import { sendJson } from '../http/send-response.js';
import type { EmulatorRuntime } from '../runtime/emulator-runtime.js';
import { ControlError, type ControlRequest, type ControlRouteSpec } from './control-request.js';

const MAX_CONTROL_BODY = 1024 * 1024;

function controlRequest(incoming: IncomingMessage, url: URL): ControlRequest {
  return {
    method: incoming.method ?? 'GET',
    query: url.searchParams,
    async body() {
      const bytes = await readBody(incoming, MAX_CONTROL_BODY);
      if (bytes.length === 0) return {};
      let parsed: unknown;
      try {
        parsed = JSON.parse(bytes.toString('utf8'));
      } catch {
        throw new ControlError('the body must be JSON');
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        throw new ControlError('the body must be a JSON object');
      }
      return parsed as Record<string, unknown>;
    },
  };
}

export async function handleControlRequest(
  rt: EmulatorRuntime,
  routes: RouteTable<ControlRouteSpec>,
  incoming: IncomingMessage,
  res: ServerResponse,
  controlPath: string,
  url: URL,
): Promise<void> {
  const match = routes.match(incoming.method ?? 'GET', controlPath);
  if (match.kind === 'not-found') {
    sendJson(res, 404, { error: `no control route ${controlPath}` });
    return;
  }
  if (match.kind === 'method-not-allowed') {
    sendJson(res, 405, { error: `use ${match.allowed.join(' or ')}` }, { Allow: match.allowed.join(', ') });
    return;
  }
  try {
    const result = await match.route.spec.run(controlRequest(incoming, url), rt);
    sendJson(res, result.status ?? 200, result.body);
  } catch (error) {
    if (error instanceof ControlError) sendJson(res, 400, { error: error.message });
    else {
      rt.options.onInternalError(error);
      sendJson(res, 500, { error: error instanceof Error ? error.message : String(error) });
    }
  } finally {
    if (!incoming.complete && !incoming.destroyed) incoming.resume();
  }
}
