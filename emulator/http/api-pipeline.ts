// One /2.0 request from start to finish, in the order Smartsheet's front end applies its checks:
// route (404/405) → token (401) → budget (429) → per-sheet write lock (4004) → injected faults →
// handler. Every request ends up in the request log with its status and the units it cost.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, apiErrors } from '../errors/api-error.js';
import { isoSeconds } from '../format/timestamps.js';
import { WriteLocks } from '../limits/write-locks.js';
import type { EmulatorRuntime } from '../runtime/emulator-runtime.js';
import type { UserRecord } from '../state/state-types.js';
import { type ApiRouteSpec, buildApiRequest } from './api-request.js';
import { QueryParams } from './query-params.js';
import type { RouteTable } from './route-matcher.js';
import { BodyCutShort } from './read-body.js';
import { sendApiError, sendHtml502, sendJson } from './send-response.js';

interface Outcome {
  route: string;
  user: UserRecord | undefined;
  status: number;
  errorCode?: number;
  weight: number;
}

function authenticate(rt: EmulatorRuntime, incoming: IncomingMessage): { user: UserRecord; token: string } {
  const header = incoming.headers.authorization;
  if (header === undefined || header.trim() === '') throw apiErrors.tokenRequired();
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) throw apiErrors.tokenInvalid();
  const user = rt.state.userByToken(match[1]);
  if (!user) throw apiErrors.tokenInvalid();
  if (user.expired) throw apiErrors.tokenExpired();
  return { user, token: match[1] };
}

function failureError(kind: 'error-4000' | 'error-4001' | 'error-4002' | 'error-4004'): ApiError {
  switch (kind) {
    case 'error-4000':
      return apiErrors.unexpected();
    case 'error-4001':
      return apiErrors.maintenance();
    case 'error-4002':
      return apiErrors.serverTimeout();
    case 'error-4004':
      return apiErrors.retryLater();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function handleApiRequest(
  rt: EmulatorRuntime,
  routes: RouteTable<ApiRouteSpec>,
  incoming: IncomingMessage,
  res: ServerResponse,
  apiPath: string,
  url: URL,
): Promise<void> {
  const at = rt.clock.now();
  const method = incoming.method ?? 'GET';
  const outcome: Outcome = { route: 'unknown', user: undefined, status: 0, weight: 0 };
  let lockKey: string | undefined;
  let allowedMethods = '';
  try {
    const match = routes.match(method, apiPath);
    if (match.kind === 'not-found') throw apiErrors.notFound();
    if (match.kind === 'method-not-allowed') {
      outcome.route = `${method} ${match.pattern}`;
      allowedMethods = match.allowed.join(', ');
      throw apiErrors.methodNotSupported();
    }
    const { route, params } = match;
    outcome.route = route.name;

    const { user, token } = authenticate(rt, incoming);
    outcome.user = user;

    const { heavy: heavyRule, writesSheet, run } = route.spec;
    const heavy = typeof heavyRule === 'function' ? heavyRule(incoming) : heavyRule === true;
    const weight = heavy ? rt.limiter.settings.heavyWeight : 1;
    const budget = rt.limiter.tryConsume(token, weight);
    if (!budget.ok) {
      outcome.status = 429;
      outcome.errorCode = 4003;
      sendApiError(res, apiErrors.rateLimited(), { 'Retry-After': String(budget.retryAfterSeconds) });
      return;
    }
    outcome.weight = weight;

    if (writesSheet && params['sheetId'] !== undefined) {
      const key = WriteLocks.key(token, params['sheetId']);
      if (!rt.writeLocks.tryAcquire(key)) throw apiErrors.sheetBeingUpdated(Number(params['sheetId']));
      lockKey = key;
    }

    const fault = rt.faults.decide(route.name, method);
    if (fault.latencyMs > 0) await sleep(fault.latencyMs);
    if (fault.failure === 'reset') {
      outcome.status = 0;
      incoming.socket.destroy();
      return;
    }
    if (fault.failure === 'html-502') {
      outcome.status = 502;
      sendHtml502(res);
      return;
    }
    if (fault.failure) throw failureError(fault.failure);

    const query = new QueryParams(url.searchParams);
    const request = buildApiRequest(incoming, route.name, params, query, user, token, at);
    const result = await run(request, rt);
    outcome.status = result.status ?? 200;
    sendJson(res, outcome.status, result.body, result.headers);
  } catch (error) {
    const apiError = toApiError(rt, error);
    outcome.status = apiError.status;
    outcome.errorCode = apiError.errorCode;
    if (apiError.errorCode === 1010) {
      sendApiError(res, apiError, { Allow: allowedMethods });
    } else if (apiError.errorCode === 1074) {
      // The oversized body stays unread, so this connection cannot carry another request.
      sendApiError(res, apiError, { Connection: 'close' });
    } else {
      sendApiError(res, apiError);
    }
  } finally {
    if (lockKey) rt.writeLocks.release(lockKey);
    // Drain an unread body so a keep-alive connection stays in sync for the next request.
    if (!incoming.complete && !incoming.destroyed && outcome.errorCode !== 1074) incoming.resume();
    rt.requestLog.record({
      at: isoSeconds(at),
      method,
      path: url.pathname,
      route: outcome.route,
      user: outcome.user?.email ?? null,
      status: outcome.status,
      ...(outcome.errorCode !== undefined ? { errorCode: outcome.errorCode } : {}),
      weight: outcome.weight,
    });
  }
}

function toApiError(rt: EmulatorRuntime, error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof BodyCutShort) return apiErrors.contentSizeMismatch();
  rt.options.onInternalError(error);
  return apiErrors.unexpected();
}
