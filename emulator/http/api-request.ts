// The request a /2.0 handler receives: authenticated user, parsed query, path params, and lazy body
// readers; and the result it returns. Handlers stay free of node:http details.
import type { IncomingMessage } from 'node:http';
import { apiErrors } from '../errors/api-error.js';
import { timestampFormat, type TimestampFormat } from '../format/timestamps.js';
import type { UserRecord } from '../state/state-types.js';
import type { QueryParams } from './query-params.js';
import { readBody } from './read-body.js';
import type { EmulatorRuntime } from '../runtime/emulator-runtime.js';

/** JSON bodies beyond this are refused (500 rows of a wide sheet stay far below it). */
const MAX_JSON_BYTES = 32 * 1024 * 1024;
/** Smartsheet trims the change agent from the front to its last 512 characters (§1.2). */
const MAX_CHANGE_AGENT = 512;

export interface ApiRequest {
  readonly method: string;
  readonly route: string;
  readonly params: Readonly<Record<string, string>>;
  readonly query: QueryParams;
  readonly incoming: IncomingMessage;
  readonly user: UserRecord;
  readonly token: string;
  /** Emulator clock at the start of the request. */
  readonly at: number;
  readonly numericDates: boolean;
  readonly dates: TimestampFormat;
  readonly changeAgent: string | undefined;
  /** A numeric path parameter; anything else is 404/1006 like an unknown id. */
  idParam(name: string): number;
  /** The JSON body; requires Content-Type application/json (415/1124) and a body (1024). */
  jsonBody(): Promise<unknown>;
}

export interface ApiResult {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type ApiHandler = (req: ApiRequest, rt: EmulatorRuntime) => Promise<ApiResult> | ApiResult;

export interface ApiRouteSpec {
  method: string;
  pattern: string;
  run: ApiHandler;
  /** Heavy calls weigh `heavyWeight` units (cell history, file uploads). */
  heavy?: boolean | ((incoming: IncomingMessage) => boolean);
  /** Writes to the sheet in `{sheetId}`: overlapping writes by one token get 500/4004. */
  writesSheet?: boolean;
}

export function isJsonContentType(incoming: IncomingMessage): boolean {
  const type = incoming.headers['content-type'] ?? '';
  return /^application\/json\b/i.test(type.trim());
}

export function buildApiRequest(
  incoming: IncomingMessage,
  route: string,
  params: Record<string, string>,
  query: QueryParams,
  user: UserRecord,
  token: string,
  at: number,
): ApiRequest {
  const numericDates = query.bool('numericDates', false);
  const agentHeader = incoming.headers['smartsheet-change-agent'];
  const agent = Array.isArray(agentHeader) ? agentHeader.join(',') : agentHeader;
  return {
    method: incoming.method ?? 'GET',
    route,
    params,
    query,
    incoming,
    user,
    token,
    at,
    numericDates,
    dates: timestampFormat(numericDates),
    changeAgent: agent === undefined || agent === '' ? undefined : agent.slice(-MAX_CHANGE_AGENT),
    idParam(name) {
      const raw = params[name] ?? '';
      if (!/^\d{1,16}$/.test(raw) || !Number.isSafeInteger(Number(raw))) throw apiErrors.notFound();
      return Number(raw);
    },
    async jsonBody() {
      if (!isJsonContentType(incoming)) throw apiErrors.unsupportedMediaType();
      const bytes = await readBody(incoming, MAX_JSON_BYTES);
      if (bytes.length === 0) throw apiErrors.bodyRequired();
      try {
        return JSON.parse(bytes.toString('utf8')) as unknown;
      } catch (error) {
        throw apiErrors.unparsable(error instanceof Error ? error.message : 'invalid JSON');
      }
    },
  };
}
